using System.Globalization;
using System.Text;

namespace Extraction.Ml.Ner;

/// <summary>
/// Word clusters, a feature of the named-entity tagger: every word of an unlabelled corpus seen often
/// enough has a path of cluster numbers, coarse to fine ("7.3": cluster 3 inside cluster 7), from
/// <see cref="WordClusterTrainer"/>. Words that occur in similar contexts share a path, so a name
/// the labelled sentences never show still looks like the names they do. Stored as a sorted text
/// table (<c>models/ml/word-clusters.tsv</c>); thread-safe once loaded.
/// </summary>
public sealed class WordClusters
{
    /// <summary>File name of the shipped clusters in models/ml.</summary>
    public const string FileName = "word-clusters.tsv";

    private const string Format = "extraction-word-clusters-v1";

    private readonly SortedDictionary<string, string> _paths;
    private readonly Dictionary<string, string[]> _levels;

    internal WordClusters(SortedDictionary<string, string> paths, string description)
    {
        _paths = paths;
        Description = description;
        _levels = new Dictionary<string, string[]>(paths.Count, StringComparer.Ordinal);
        foreach (var (word, path) in paths)
        {
            // The prefixes of the path, one per level: "7", "7.3".
            var parts = path.Split('.');
            var levels = new string[parts.Length];
            for (var k = 0; k < parts.Length; k++)
            {
                levels[k] = string.Join('.', parts, 0, k + 1);
            }

            _levels[word] = levels;
        }

        Fingerprint = FeatureHash.Of(ToText()).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>How the clusters were made (command and data), as written in the file.</summary>
    public string Description { get; }

    /// <summary>Number of words with a cluster.</summary>
    public int Count => _paths.Count;

    /// <summary>A hash of the file's text: a tagger trained with these clusters names it, and refuses others.</summary>
    public string Fingerprint { get; }

    /// <summary>The cluster paths of a word as written, coarse to fine ("7", "7.3"), or null for a word without a cluster.</summary>
    public string[]? Of(string word) => _levels.GetValueOrDefault(word);

    /// <summary>The file: format and description lines, then one sorted line per word: word TAB path.</summary>
    public string ToText()
    {
        var sb = new StringBuilder(_paths.Count * 16);
        sb.Append("# ").Append(Format).Append('\n');
        sb.Append("# ").Append(Description.ReplaceLineEndings(" ")).Append('\n');
        foreach (var (word, path) in _paths)
        {
            sb.Append(word).Append('\t').Append(path).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads a clusters file; throws <see cref="FormatException"/> naming the line for anything else.</summary>
    public static WordClusters Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd('\r') != "# " + Format)
        {
            throw new FormatException($"not an {Format} file");
        }

        var description = lines[1].TrimEnd('\r').TrimStart('#', ' ');
        var paths = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var k = 2; k < lines.Length; k++)
        {
            var line = lines[k].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1 || !paths.TryAdd(line[..tab], line[(tab + 1)..]))
            {
                throw new FormatException($"word clusters line {k + 1}: expected a new word, a tab and a cluster path");
            }
        }

        return new WordClusters(paths, description);
    }
}
