using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Extraction.Ml.Ner;

/// <summary>
/// The named-entity tagger's weights: an averaged structured perceptron over GermEval's BIO labels
/// (see <see cref="OrgTrainer"/>): a weight per feature and label, a weight per pair of neighbouring
/// labels, and the words seen lower-case in training (a feature). Tagging takes the best label
/// sequence (Viterbi) in which every I-X follows a B-X or I-X. Stored as a sorted text table, so
/// the same training gives the same bytes and a run loads it without ML.NET. Thread-safe.
/// </summary>
public sealed class OrgModel
{
    /// <summary>File name of the shipped model in models/.</summary>
    public const string FileName = "org-ner.tsv";

    private const string Format = "extraction-ner-perceptron-v3";
    private const string Start = "<s>";

    private readonly string[] _tags;
    private readonly string[] _names;
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotRows;
    private readonly int _shift;
    private readonly float[] _weights;
    private readonly int _stride;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    private readonly int[][] _predecessors;

    /// <summary>A model of feature names (sorted by the caller or not) with one row of label weights each, flat in <paramref name="weights"/>.</summary>
    internal OrgModel(string[] tags, string[] names, float[] weights, float[] transitions, SortedSet<string> lowercase, string description, WordClusters? clusters = null)
    {
        Clusters = clusters;
        _tags = tags;
        _names = names;
        // Rows padded to whole SIMD vectors, so a feature's weights add to the emission scores in a few vector additions.
        var t = tags.Length;
        var width = System.Numerics.Vector<float>.Count;
        _stride = (t + width - 1) / width * width;
        _weights = new float[names.Length * _stride];
        for (var r = 0; r < names.Length; r++)
        {
            weights.AsSpan(r * t, t).CopyTo(_weights.AsSpan(r * _stride, t));
        }

        // An open-addressing table (linear probing, at most half full) from feature key to weight row: cheaper than a Dictionary per lookup.
        var bits = 4;
        while ((1 << bits) < names.Length * 2)
        {
            bits++;
        }

        _shift = 64 - bits;
        _slotKeys = new ulong[1 << bits];
        _slotRows = new int[1 << bits];
        Array.Fill(_slotRows, -1);
        for (var r = 0; r < names.Length; r++)
        {
            // Two names with one 64-bit key would be a collision; the first keeps it.
            var key = FeatureHash.Of(names[r]);
            var slot = Slot(key);
            while (_slotRows[slot] >= 0 && _slotKeys[slot] != key)
            {
                slot = (slot + 1) & (_slotRows.Length - 1);
            }

            if (_slotRows[slot] < 0)
            {
                _slotKeys[slot] = key;
                _slotRows[slot] = r;
            }
        }

        _transitions = transitions;
        _allowed = Allowed(tags);
        _predecessors = Predecessors(_allowed, tags.Length);
        Lowercase = lowercase;
        Description = description;
    }

    /// <summary>How the model was made (command and data), as written in the file.</summary>
    public string Description { get; }

    /// <summary>The word clusters the model was trained with (a feature), or null.</summary>
    public WordClusters? Clusters { get; }

    /// <summary>Number of features with a weight.</summary>
    public int Size => _names.Length;

    /// <summary>The labels the model tags with ("O" first).</summary>
    public IReadOnlyList<string> Labels => _tags;

    /// <summary>Words seen written lower-case in training.</summary>
    public IReadOnlySet<string> Lowercase { get; }

    /// <summary>Labels of a sentence's tokens, given their features.</summary>
    public string[] Tag(FeatureBuffer features)
    {
        var path = TagIndexes(features);
        var tags = new string[path.Length];
        for (var i = 0; i < path.Length; i++)
        {
            tags[i] = _tags[path[i]];
        }

        return tags;
    }

    /// <summary>Label indexes (into <see cref="Labels"/>) of a sentence's tokens, given their features.</summary>
    public int[] TagIndexes(FeatureBuffer features)
    {
        var n = features.Tokens;
        var t = _tags.Length;
        var e = new float[n * t];
        Span<float> sum = stackalloc float[_stride];
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(sum);
        var all = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(_weights.AsSpan());
        var perRow = _stride / System.Numerics.Vector<float>.Count;
        Span<int> rows = stackalloc int[64];
        for (var i = 0; i < n; i++)
        {
            var keys = features.Of(i);
            if (rows.Length < keys.Length)
            {
                rows = new int[keys.Length];
            }

            // The table and the weights are megabytes: a look-up mostly waits for memory. Asking for every key's slot
            // first, and then for every found row's weights, lets those waits overlap instead of queueing one by one.
            Prefetch(keys);
            for (var j = 0; j < keys.Length; j++)
            {
                rows[j] = Row(keys[j]);
                PrefetchRow(rows[j]);
            }

            vectors.Clear();
            for (var j = 0; j < keys.Length; j++)
            {
                var r = rows[j];
                if (r >= 0)
                {
                    var w = all.Slice(r * perRow, perRow);
                    for (var v = 0; v < perRow; v++)
                    {
                        vectors[v] += w[v];
                    }
                }
            }

            sum[..t].CopyTo(e.AsSpan(i * t, t));
        }

        return Viterbi(e, n, t, _transitions, _allowed, _predecessors);
    }

    // A hint to the processor to load each key's first slot; no effect on the result.
    private unsafe void Prefetch(ReadOnlySpan<ulong> keys)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            return;
        }

        fixed (int* rows = _slotRows)
        fixed (ulong* slotKeys = _slotKeys)
        {
            foreach (var key in keys)
            {
                var slot = Slot(key);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(rows + slot);
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(slotKeys + slot);
            }
        }
    }

    // A hint to load a weight row (a row of 24 floats spans two cache lines); no effect on the result.
    private unsafe void PrefetchRow(int row)
    {
        if (row < 0 || !System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            return;
        }

        fixed (float* weights = _weights)
        {
            var at = weights + (row * _stride);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(at);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(at + _stride - 1);
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    // The weight row of a feature key, or -1.
    private int Row(ulong key)
    {
        var mask = _slotRows.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var row = _slotRows[slot];
            if (row < 0 || _slotKeys[slot] == key)
            {
                return row;
            }
        }
    }

    /// <summary>For each label, the labels allowed before it.</summary>
    internal static int[][] Predecessors(bool[] allowed, int t)
    {
        var lists = new int[t][];
        for (var k = 0; k < t; k++)
        {
            var list = new List<int>(t);
            for (var p = 0; p < t; p++)
            {
                if (allowed[p * t + k])
                {
                    list.Add(p);
                }
            }

            lists[k] = [.. list];
        }

        return lists;
    }

    /// <summary>Which label pairs may follow each other: row <c>t</c> (the sentence start) and rows 0..t-1 (the previous label); an I-X only after B-X or I-X.</summary>
    internal static bool[] Allowed(string[] tags)
    {
        var t = tags.Length;
        var allowed = new bool[(t + 1) * t];
        for (var prev = 0; prev <= t; prev++)
        {
            for (var cur = 0; cur < t; cur++)
            {
                var c = tags[cur];
                allowed[prev * t + cur] = c[0] != 'I' || (prev < t && tags[prev].Length == c.Length && tags[prev].AsSpan(1).SequenceEqual(c.AsSpan(1)));
            }
        }

        return allowed;
    }

    /// <summary>The best allowed label sequence for emission scores e[i*t+label] and transition scores tr[prev*t+label] (prev = t at the start).</summary>
    internal static int[] Viterbi(float[] e, int n, int t, float[] tr, bool[] allowed, int[][] predecessors)
    {
        var path = new int[n];
        if (n == 0)
        {
            return path;
        }

        // Rows padded to whole vectors (the padding -inf, so it never wins): a label that every label may precede
        // ("O", each B-X) takes its predecessors' scores in a few vector additions, then the first best of them,
        // which is the one the plain loop over the predecessors in order would keep.
        var width = Vector<float>.Count;
        var tp = (t + width - 1) / width * width;
        var best = new float[n * tp];
        Array.Fill(best, float.NegativeInfinity);
        var back = new int[n * t];
        var columns = new float[t * tp];
        for (var k = 0; k < t; k++)
        {
            for (var p = 0; p < t; p++)
            {
                columns[k * tp + p] = tr[p * t + k];
            }
        }

        for (var k = 0; k < t; k++)
        {
            best[k] = allowed[t * t + k] ? e[k] + tr[t * t + k] : float.NegativeInfinity;
        }

        Span<float> sums = stackalloc float[tp];
        var sumVectors = MemoryMarshal.Cast<float, Vector<float>>(sums);
        var allColumns = MemoryMarshal.Cast<float, Vector<float>>(columns.AsSpan());
        var perRow = tp / width;
        for (var i = 1; i < n; i++)
        {
            var previous = best.AsSpan((i - 1) * tp, tp);
            var previousVectors = MemoryMarshal.Cast<float, Vector<float>>(previous);
            for (var k = 0; k < t; k++)
            {
                var max = float.NegativeInfinity;
                var arg = 0;
                var from = predecessors[k];
                if (from.Length == t)
                {
                    var column = allColumns.Slice(k * perRow, perRow);
                    var top = new Vector<float>(float.NegativeInfinity);
                    for (var v = 0; v < perRow; v++)
                    {
                        sumVectors[v] = previousVectors[v] + column[v];
                        top = Vector.Max(top, sumVectors[v]);
                    }

                    var most = float.NegativeInfinity;
                    for (var l = 0; l < width; l++)
                    {
                        most = top[l] > most ? top[l] : most;
                    }

                    // The first label whose sum equals the largest: where the loop below would have stopped raising max.
                    // When every sum is -inf, that is label 0, as there.
                    for (var p = 0; p < t; p++)
                    {
                        if (sums[p] == most)
                        {
                            arg = p;
                            max = sums[p];
                            break;
                        }
                    }
                }
                else
                {
                    foreach (var p in from)
                    {
                        var sum = previous[p] + tr[p * t + k];
                        if (sum > max)
                        {
                            max = sum;
                            arg = p;
                        }
                    }
                }

                best[i * tp + k] = max + e[i * t + k];
                back[i * t + k] = arg;
            }
        }

        var last = 0;
        for (var k = 1; k < t; k++)
        {
            if (best[(n - 1) * tp + k] > best[(n - 1) * tp + last])
            {
                last = k;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            path[i] = last;
            last = back[i * t + last];
        }

        return path;
    }

    /// <summary>
    /// The model file: format and description lines, the labels, one line of transition weights per
    /// previous label, the lower-case words, then one sorted line per feature with its non-zero weights (label index:weight).
    /// </summary>
    public string ToText()
    {
        var t = _tags.Length;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Format).Append('\n');
        sb.Append("# ").Append(Description.ReplaceLineEndings(" ")).Append('\n');
        sb.Append("labels\t").AppendJoin('\t', _tags).Append('\n');
        for (var p = 0; p <= t; p++)
        {
            sb.Append("trans\t").Append(p < t ? _tags[p] : Start);
            for (var k = 0; k < t; k++)
            {
                sb.Append('\t').Append(Num(_transitions[p * t + k]));
            }

            sb.Append('\n');
        }

        sb.Append("clusters\t").Append(Clusters?.Fingerprint ?? "-").Append('\n');
        sb.Append("lower\t").AppendJoin(' ', Lowercase).Append('\n');
        var order = Enumerable.Range(0, _names.Length).Order(Comparer<int>.Create((a, b) => string.CompareOrdinal(_names[a], _names[b])));
        foreach (var r in order)
        {
            sb.Append(_names[r]);
            for (var k = 0; k < t; k++)
            {
                if (_weights[r * _stride + k] != 0)
                {
                    sb.Append('\t').Append(k.ToString(CultureInfo.InvariantCulture)).Append(':').Append(Num(_weights[r * _stride + k]));
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Num(float v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a model file, with the word clusters it was trained with (if any); throws <see cref="FormatException"/>
    /// naming the line for anything else, and when the clusters are missing or not the ones the model names.
    /// </summary>
    public static OrgModel Parse(string text, WordClusters? clusters = null)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0].TrimEnd('\r') != "# " + Format)
        {
            throw new FormatException($"not an {Format} model");
        }

        var description = lines[1].TrimEnd('\r').TrimStart('#', ' ');
        var head = lines[2].TrimEnd('\r').Split('\t');
        if (head.Length < 2 || head[0] != "labels" || head[1] != "O")
        {
            throw new FormatException("org model line 3: expected the labels, O first");
        }

        string[] tags = head[1..];
        var t = tags.Length;
        var transitions = new float[(t + 1) * t];
        var lowercase = new SortedSet<string>(StringComparer.Ordinal);
        var names = new List<string>(lines.Length);
        var weights = new List<float>(lines.Length * 2);
        var k = 3;
        for (var p = 0; p <= t; p++, k++)
        {
            var cols = k < lines.Length ? lines[k].TrimEnd('\r').Split('\t') : [];
            if (cols.Length != t + 2 || cols[0] != "trans" || cols[1] != (p < t ? tags[p] : Start))
            {
                throw new FormatException($"org model line {k + 1}: expected the transition weights after '{(p < t ? tags[p] : Start)}'");
            }

            for (var c = 0; c < t; c++)
            {
                transitions[p * t + c] = Number(cols[c + 2], k);
            }
        }

        if (k >= lines.Length || !lines[k].StartsWith("clusters\t", StringComparison.Ordinal))
        {
            throw new FormatException($"org model line {k + 1}: expected the word clusters' fingerprint");
        }

        var fingerprint = lines[k].TrimEnd('\r')[9..];
        if (fingerprint != (clusters?.Fingerprint ?? "-"))
        {
            throw new FormatException(fingerprint == "-"
                ? "org model: trained without word clusters, but clusters were given"
                : $"org model: trained with word clusters {fingerprint}, but {(clusters is null ? $"{WordClusters.FileName} is missing" : $"{WordClusters.FileName} is {clusters.Fingerprint}")}");
        }

        k++;
        if (k >= lines.Length || !lines[k].StartsWith("lower\t", StringComparison.Ordinal))
        {
            throw new FormatException($"org model line {k + 1}: expected the lower-case words");
        }

        lowercase.UnionWith(lines[k].TrimEnd('\r')[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        for (k++; k < lines.Length; k++)
        {
            var line = lines[k].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            // name TAB label:weight TAB ..., read as spans: the file has a line per feature.
            var rest = line.AsSpan();
            var tab = rest.IndexOf('\t');
            names.Add(tab < 0 ? line : line[..tab]);
            var row = weights.Count;
            for (var c = 0; c < t; c++)
            {
                weights.Add(0);
            }

            while (tab >= 0)
            {
                rest = rest[(tab + 1)..];
                tab = rest.IndexOf('\t');
                var cell = tab < 0 ? rest : rest[..tab];
                var colon = cell.IndexOf(':');
                if (colon <= 0 || !int.TryParse(cell[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var label) || label >= t
                    || !float.TryParse(cell[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                {
                    throw new FormatException($"org model line {k + 1}: expected label index:weight, found '{cell}'");
                }

                weights[row + label] = weight;
            }
        }

        return new OrgModel(tags, [.. names], [.. weights], transitions, lowercase, description, clusters);
    }

    private static float Number(string s, int line) =>
        float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"org model line {line + 1}: '{s}' is not a number");
}
