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

    /// <summary>
    /// Reads a file of named word lists, one "list: word" a line (blank lines and '#' comments skipped), each list
    /// in file order. Throws <see cref="FormatException"/> naming the file and line for a line of no list named in
    /// <paramref name="lists"/> or without a word, and naming the file and list when a list has no word at all.
    /// </summary>
    public Dictionary<string, List<string>> ReadLists(string name, params string[] lists)
    {
        var read = lists.ToDictionary(l => l, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (number, line) in NumberedLines(name))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var word = colon < 0 ? "" : line[(colon + 1)..].Trim();
            if (colon < 0 || !read.TryGetValue(line[..colon].Trim(), out var list) || word.Length == 0)
            {
                throw new FormatException($"{name} line {number}: not \"list: word\" with a list of {string.Join(", ", lists)}: '{line}'");
            }

            list.Add(word);
        }

        foreach (var (list, words) in read)
        {
            if (words.Count == 0)
            {
                throw new FormatException($"{name}: the list '{list}' has no words");
            }
        }

        return read;
    }

    /// <summary>
    /// Reads a tab-separated table (blank lines and '#' comments skipped): each row with its line number and exactly
    /// <paramref name="columns"/> fields, none empty. Throws <see cref="FormatException"/> naming the file and line otherwise,
    /// and naming the file when it has no row.
    /// </summary>
    public List<(int Line, string[] Fields)> ReadTable(string name, int columns)
    {
        var rows = new List<(int Line, string[] Fields)>();
        foreach (var (number, line) in NumberedLines(name))
        {
            var fields = line.Split('\t');
            if (fields.Length != columns || fields.Any(f => f.Trim().Length == 0))
            {
                throw new FormatException($"{name} line {number}: not {columns} tab-separated fields: '{line}'");
            }

            rows.Add((number, fields.Select(f => f.Trim()).ToArray()));
        }

        return rows.Count > 0 ? rows : throw new FormatException($"{name}: no rows");
    }

    // The lines that are neither blank nor '#' comments, numbered from 1 as in the file.
    private IEnumerable<(int Number, string Line)> NumberedLines(string name) =>
        ReadText(name).Split('\n')
            .Select((l, i) => (Number: i + 1, Line: l.TrimEnd('\r')))
            .Where(l => l.Line.Trim().Length > 0 && !l.Line.TrimStart().StartsWith('#'));

    /// <summary>Version string of the embedded assembly, for provenance.</summary>
    public static string AssemblyVersion =>
        typeof(ModelFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
