using System.Globalization;
using System.Text;

namespace Extraction.Ml.Ner;

/// <summary>
/// The organisation recogniser's weights: a multinomial logistic regression over the tags B, I and O
/// (trained by ML.NET's L-BFGS maximum-entropy trainer, see <see cref="OrgTrainer"/>), stored as a
/// sorted text table so the same training gives the same bytes and a run loads it without ML.NET.
/// Tagging takes the best tag sequence in which no I follows an O (Viterbi over the tag scores).
/// </summary>
public sealed class OrgModel
{
    /// <summary>File name of the shipped model in models/.</summary>
    public const string FileName = "org-ner.tsv";

    private const string Format = "extraction-org-ner-v1";
    private const int B = 0, I = 1, O = 2;
    private static readonly char[] TagChars = ['B', 'I', 'O'];

    private readonly Dictionary<string, float[]> _weights;
    private readonly float[] _bias;

    internal OrgModel(Dictionary<string, float[]> weights, float[] bias, string description)
    {
        _weights = weights;
        _bias = bias;
        Description = description;
    }

    /// <summary>How the model was made (command and data), as written in the file.</summary>
    public string Description { get; }

    /// <summary>Number of features with a weight.</summary>
    public int Size => _weights.Count;

    /// <summary>Tags (B, I, O) of a sentence's tokens, given their features.</summary>
    public char[] Tag(List<List<string>> features)
    {
        var n = features.Count;
        var tags = new char[n];
        if (n == 0)
        {
            return tags;
        }

        // Viterbi: best[i, t] = best score of a sequence ending in tag t at token i; I may not follow O or open the sentence.
        var best = new double[n, 3];
        var back = new int[n, 3];
        Span<double> e = stackalloc double[3];
        for (var i = 0; i < n; i++)
        {
            Emissions(features[i], e);
            for (var t = 0; t < 3; t++)
            {
                if (i == 0)
                {
                    best[0, t] = t == I ? double.NegativeInfinity : e[t];
                    continue;
                }

                var arg = -1;
                var max = double.NegativeInfinity;
                for (var p = 0; p < 3; p++)
                {
                    if (t == I && p == O)
                    {
                        continue;
                    }

                    if (best[i - 1, p] > max)
                    {
                        max = best[i - 1, p];
                        arg = p;
                    }
                }

                best[i, t] = max + e[t];
                back[i, t] = arg;
            }
        }

        var last = 0;
        for (var t = 1; t < 3; t++)
        {
            if (best[n - 1, t] > best[n - 1, last])
            {
                last = t;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = TagChars[last];
            last = back[i, last];
        }

        return tags;
    }

    // Log-probabilities of B, I and O for one token.
    private void Emissions(List<string> features, Span<double> e)
    {
        double b = _bias[B], i = _bias[I], o = _bias[O];
        foreach (var f in features)
        {
            if (_weights.TryGetValue(f, out var w))
            {
                b += w[B];
                i += w[I];
                o += w[O];
            }
        }

        var max = Math.Max(b, Math.Max(i, o));
        var log = max + Math.Log(Math.Exp(b - max) + Math.Exp(i - max) + Math.Exp(o - max));
        e[B] = b - log;
        e[I] = i - log;
        e[O] = o - log;
    }

    /// <summary>The model file: format line, description, bias, then one sorted line per feature with its B, I and O weights.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Format).Append('\n');
        sb.Append("# ").Append(Description.ReplaceLineEndings(" ")).Append('\n');
        AppendRow(sb, "<bias>", _bias);
        foreach (var kv in _weights.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            AppendRow(sb, kv.Key, kv.Value);
        }

        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, string name, float[] w) =>
        sb.Append(name).Append('\t').Append(Num(w[B])).Append('\t').Append(Num(w[I])).Append('\t').Append(Num(w[O])).Append('\n');

    private static string Num(float v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Reads a model file; throws <see cref="FormatException"/> naming the line for anything else.</summary>
    public static OrgModel Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3 || lines[0].TrimEnd('\r') != "# " + Format)
        {
            throw new FormatException($"not an {Format} model");
        }

        var description = lines[1].TrimEnd('\r').TrimStart('#', ' ');
        var weights = new Dictionary<string, float[]>(lines.Length, StringComparer.Ordinal);
        float[]? bias = null;
        for (var k = 2; k < lines.Length; k++)
        {
            var line = lines[k].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 4)
            {
                throw new FormatException($"org model line {k + 1}: expected a feature and three weights");
            }

            var w = new float[3];
            for (var c = 0; c < 3; c++)
            {
                if (!float.TryParse(cols[c + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out w[c]))
                {
                    throw new FormatException($"org model line {k + 1}: '{cols[c + 1]}' is not a number");
                }
            }

            if (cols[0] == "<bias>")
            {
                bias = w;
            }
            else
            {
                weights[cols[0]] = w;
            }
        }

        return new OrgModel(weights, bias ?? throw new FormatException("org model has no <bias> line"), description);
    }
}
