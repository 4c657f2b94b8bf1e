namespace Extraction.Model;

/// <summary>A hardware count expression found in text, with offsets; the model is the hardware's ("H100"), when named.</summary>
public sealed record HardwareMention(int Start, int Length, string Text, Count Count, string Unit, string? HardwareModel, string? Vendor);
