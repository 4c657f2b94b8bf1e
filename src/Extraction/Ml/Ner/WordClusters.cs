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

    private readonly string[] _words;
    private readonly string[] _paths;
    private readonly Dictionary<string, string[]> _levels;

    /// <summary>Clusters of words (sorted ordinally, without repeats) with their paths.</summary>
    internal WordClusters(string[] words, string[] paths, string description, string? fingerprint = null)
    {
        _words = words;
        _paths = paths;
        Description = description;
        _levels = new Dictionary<string, string[]>(words.Length, StringComparer.Ordinal);
        for (var w = 0; w < words.Length; w++)
        {
            // The prefixes of the path, one per level: "7", "7.3".
            var path = paths[w];
            var levels = new string[path.Count('.') + 1];
            var k = 0;
            for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = path.IndexOf('.', dot + 1))
            {
                levels[k++] = path[..dot];
            }

            levels[k] = path;
            _levels[words[w]] = levels;
        }

        Fingerprint = fingerprint ?? Hash(ToText());
    }

    /// <summary>How the clusters were made (command and data), as written in the file.</summary>
    public string Description { get; }

    /// <summary>Number of words with a cluster.</summary>
    public int Count => _words.Length;

    /// <summary>A hash of the file's text: a tagger trained with these clusters names it, and refuses others.</summary>
    public string Fingerprint { get; }

    /// <summary>The cluster paths of a word as written, coarse to fine ("7", "7.3"), or null for a word without a cluster.</summary>
    public string[]? Of(string word) => _levels.GetValueOrDefault(word);

    /// <summary>The file: format and description lines, then one sorted line per word: word TAB path.</summary>
    public string ToText()
    {
        var sb = new StringBuilder(_words.Length * 16);
        sb.Append("# ").Append(Format).Append('\n');
        sb.Append("# ").Append(Description.ReplaceLineEndings(" ")).Append('\n');
        for (var w = 0; w < _words.Length; w++)
        {
            sb.Append(_words[w]).Append('\t').Append(_paths[w]).Append('\n');
        }

        return sb.ToString();
    }

    private static string Hash(string text) => FeatureHash.Of(text).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Reads a clusters file; throws <see cref="FormatException"/> naming the line for anything else.</summary>
    public static WordClusters Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd('\r') != "# " + Format)
        {
            throw new FormatException($"not an {Format} file");
        }

        var description = lines[1].TrimEnd('\r').TrimStart('#', ' ');
        var words = new List<string>(lines.Length);
        var paths = new List<string>(lines.Length);
        for (var k = 2; k < lines.Length; k++)
        {
            var line = lines[k].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1 || (words.Count > 0 && string.CompareOrdinal(words[^1], line[..tab]) >= 0))
            {
                throw new FormatException($"word clusters line {k + 1}: expected a word (after the previous one in ordinal order), a tab and a cluster path");
            }

            words.Add(line[..tab]);
            paths.Add(line[(tab + 1)..]);
        }

        // The file as written by ToText is its own fingerprint's text; anything else (line ends, blank lines) is hashed as rewritten.
        var fingerprint = text.Contains('\r', StringComparison.Ordinal) || text.Contains("\n\n", StringComparison.Ordinal) || !text.EndsWith('\n') ? null : Hash(text);
        return new WordClusters([.. words], [.. paths], description, fingerprint);
    }
}
