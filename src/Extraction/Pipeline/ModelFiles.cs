using System.Reflection;

namespace Extraction.Pipeline;

/// <summary>
/// Reads the files of models/ (word lists, gazetteer, trained weights): from a folder when one is
/// given (--models), else from the copies embedded in this assembly at build time. Named for the
/// folder; not to be confused with Model/ (the data types between stages), Ml/ (training and
/// scoring) or Fact.HardwareModel (a hardware model name such as "H100").
/// </summary>
public sealed class ModelFiles(string? folder = null)
{
    /// <summary>The files shipped with this build.</summary>
    public static ModelFiles Embedded { get; } = new();

    /// <summary>The folder read from, or null for the embedded files.</summary>
    public string? Folder => folder;

    /// <summary>Reads a model file's text; throws <see cref="FileNotFoundException"/> naming it when absent.</summary>
    public string ReadText(string name)
    {
        if (folder is not null)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        using var stream = typeof(ModelFiles).Assembly.GetManifestResourceStream("models/" + name)
            ?? throw new FileNotFoundException($"model file '{name}' is neither in {folder ?? "(no folder)"} nor embedded", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a binary model file; throws <see cref="FileNotFoundException"/> naming it when absent.</summary>
    public byte[] ReadBytes(string name)
    {
        if (folder is not null && File.Exists(Path.Combine(folder, name)))
        {
            return File.ReadAllBytes(Path.Combine(folder, name));
        }

        using var stream = typeof(ModelFiles).Assembly.GetManifestResourceStream("models/" + name)
            ?? throw new FileNotFoundException($"model file '{name}' is neither in {folder ?? "(no folder)"} nor embedded", name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>True when the named file exists in the folder or is embedded.</summary>
    public bool Exists(string name) =>
        (folder is not null && File.Exists(Path.Combine(folder, name)))
        || typeof(ModelFiles).Assembly.GetManifestResourceInfo("models/" + name) is not null;

    /// <summary>Reads a line-oriented file, skipping blank lines and '#' comments.</summary>
    public IEnumerable<string> ReadLines(string name) =>
        ReadText(name).Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

    /// <summary>Version string of the embedded assembly, for provenance.</summary>
    public static string AssemblyVersion =>
        typeof(ModelFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
