namespace Extraction.Export;

/// <summary>How CSV files are written.</summary>
public sealed record CsvOptions
{
    /// <summary>Start the file with the UTF-8 byte order mark, so Excel reads umlauts right when it opens the file.</summary>
    public bool Bom { get; init; }

    /// <summary>The field separator: "," (RFC 4180), or ";" for spreadsheets set to German.</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public void Validate()
    {
        if (Delimiter is not ("," or ";" or "\t"))
        {
            throw new ArgumentException($"delimiter must be ',', ';' or a tab (got '{Delimiter}')", nameof(Delimiter));
        }
    }
}
