namespace Extraction.Ml.Ner;

/// <summary>
/// Builds <see cref="WordClusters"/> from unlabelled sentences, deterministically: every word seen at
/// least <see cref="MinCount"/> times is described by its left and right neighbours (the
/// <see cref="ContextWords"/> most frequent words, the rest by their shape: capitalised, lower-case,
/// number, other), weighted by positive pointwise mutual information and scaled to unit length;
/// spherical k-means (cosine, k-means++ seeding from a fixed seed, a fixed number of rounds) splits
/// the words into <see cref="Branching"/>[0] clusters, each of those again into
/// <see cref="Branching"/>[1], and so on; a word's path names its cluster at every level.
/// </summary>
public static class WordClusterTrainer
{
    /// <summary>Words seen fewer times get no cluster (a word seen once has one context). On the development folds of GermEval, 2 and three levels (16, 8, 8) gave ORG F1 0.547, 3 and two levels (32, 16) 0.539.</summary>
    public const int MinCount = 2;

    /// <summary>Number of most frequent words that describe contexts by themselves.</summary>
    public const int ContextWords = 300;

    /// <summary>Clusters per level, coarse to fine.</summary>
    public static readonly int[] Branching = [16, 8, 8];

    /// <summary>Rounds of k-means at every split.</summary>
    public const int Rounds = 15;

    /// <summary>Seed of the k-means++ seeding.</summary>
    public const int Seed = 20141001;

    private const int Buckets = 4;

    /// <summary>Clusters of the words of the sentences (token sequences; neighbours never cross a sentence).</summary>
    public static WordClusters Build(IEnumerable<IReadOnlyList<string>> sentences, string description, int minCount = MinCount, int contextWords = ContextWords, int[]? branching = null)
    {
        branching ??= Branching;
        var list = sentences.ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in list)
        {
            foreach (var w in s)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var vocabulary = counts.Where(kv => kv.Value >= minCount && !kv.Key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\uFFFD')).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var index = vocabulary.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var context = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(contextWords)
            .Select((kv, i) => (kv.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var side = contextWords + Buckets + 1;
        var dims = 2 * side;

        // Co-occurrence counts of (word, context dimension): left neighbours first, right ones after.
        var pairs = new Dictionary<long, int>();
        var dimCounts = new double[dims];
        var wordCounts = new double[vocabulary.Length];
        double total = 0;
        foreach (var s in list)
        {
            for (var i = 0; i < s.Count; i++)
            {
                if (!index.TryGetValue(s[i], out var w))
                {
                    continue;
                }

                var left = Dimension(s, i - 1, context, contextWords);
                var right = side + Dimension(s, i + 1, context, contextWords);
                foreach (var d in (ReadOnlySpan<int>)[left, right])
                {
                    var key = ((long)w * dims) + d;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                    dimCounts[d]++;
                    wordCounts[w]++;
                    total++;
                }
            }
        }

        // Sparse rows (CSR), PPMI-weighted and of unit length.
        var rowStart = new int[vocabulary.Length + 1];
        foreach (var key in pairs.Keys)
        {
            rowStart[(int)(key / dims) + 1]++;
        }

        for (var w = 0; w < vocabulary.Length; w++)
        {
            rowStart[w + 1] += rowStart[w];
        }

        var dim = new int[pairs.Count];
        var value = new float[pairs.Count];
        var fill = rowStart[..^1].ToArray();
        foreach (var (key, count) in pairs.OrderBy(p => p.Key))
        {
            var w = (int)(key / dims);
            var d = (int)(key % dims);
            var pmi = Math.Log(count * total / (wordCounts[w] * dimCounts[d]));
            dim[fill[w]] = d;
            value[fill[w]] = pmi > 0 ? (float)pmi : 0;
            fill[w]++;
        }

        for (var w = 0; w < vocabulary.Length; w++)
        {
            double norm = 0;
            for (var j = rowStart[w]; j < rowStart[w + 1]; j++)
            {
                norm += (double)value[j] * value[j];
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
            for (var j = rowStart[w]; j < rowStart[w + 1]; j++)
            {
                value[j] *= scale;
            }
        }

        var rows = new Rows(rowStart, dim, value, dims);
        var paths = new string[vocabulary.Length];
        var random = new Random(Seed);
        Split(rows, [.. Enumerable.Range(0, vocabulary.Length)], "", 0, branching, paths, random);
        return new WordClusters(vocabulary, paths, description);
    }

    private static int Dimension(IReadOnlyList<string> s, int k, Dictionary<string, int> context, int contextWords)
    {
        if (k < 0 || k >= s.Count)
        {
            return contextWords + Buckets;
        }

        var w = s[k];
        if (context.TryGetValue(w, out var d))
        {
            return d;
        }

        var c = w.Length == 0 ? ' ' : w[0];
        return contextWords + (char.IsUpper(c) ? 0 : char.IsLower(c) ? 1 : char.IsDigit(c) ? 2 : 3);
    }

    private sealed record Rows(int[] Start, int[] Dim, float[] Value, int Dims);

    private static void Split(Rows rows, int[] members, string prefix, int level, int[] branching, string[] paths, Random random)
    {
        if (level == branching.Length)
        {
            return;
        }

        var k = Math.Min(branching[level], members.Length);
        var assignment = KMeans(rows, members, k, random);
        for (var c = 0; c < k; c++)
        {
            var inside = members.Where((_, i) => assignment[i] == c).ToArray();
            var path = prefix.Length == 0 ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : prefix + "." + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var m in inside)
            {
                paths[m] = path;
            }

            Split(rows, inside, path, level + 1, branching, paths, random);
        }
    }

    // Spherical k-means over the members; centroids stored transposed (dimension-major) so a row's similarities to all of them add up in one pass.
    private static int[] KMeans(Rows rows, int[] members, int k, Random random)
    {
        var n = members.Length;
        var centroids = new float[rows.Dims * k];
        var assignment = new int[n];
        if (k <= 1)
        {
            return assignment;
        }

        // k-means++ seeding: each next centre drawn with probability proportional to 1 - the best similarity so far.
        var best = new double[n];
        Array.Fill(best, double.NegativeInfinity);
        var sims = new float[k];
        var chosen = random.Next(n);
        for (var c = 0; c < k; c++)
        {
            var m = members[chosen];
            for (var j = rows.Start[m]; j < rows.Start[m + 1]; j++)
            {
                centroids[(rows.Dim[j] * k) + c] = rows.Value[j];
            }

            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                best[i] = Math.Max(best[i], Dot(rows, members[i], centroids, k, c));
                sum += Math.Max(0, 1 - best[i]);
            }

            if (c + 1 == k)
            {
                break;
            }

            var target = random.NextDouble() * sum;
            chosen = n - 1;
            for (var i = 0; i < n; i++)
            {
                target -= Math.Max(0, 1 - best[i]);
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }
        }

        var sizes = new int[k];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < n; i++)
            {
                Array.Clear(sims);
                var m = members[i];
                for (var j = rows.Start[m]; j < rows.Start[m + 1]; j++)
                {
                    var v = rows.Value[j];
                    var offset = rows.Dim[j] * k;
                    for (var c = 0; c < k; c++)
                    {
                        sims[c] += v * centroids[offset + c];
                    }
                }

                var arg = 0;
                for (var c = 1; c < k; c++)
                {
                    if (sims[c] > sims[arg])
                    {
                        arg = c;
                    }
                }

                assignment[i] = arg;
            }

            // New centroids: the normalised sum of their members; an empty cluster keeps its centre.
            var next = new float[centroids.Length];
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                var m = members[i];
                var c = assignment[i];
                sizes[c]++;
                for (var j = rows.Start[m]; j < rows.Start[m + 1]; j++)
                {
                    next[(rows.Dim[j] * k) + c] += rows.Value[j];
                }
            }

            for (var c = 0; c < k; c++)
            {
                double norm = 0;
                for (var d = 0; d < rows.Dims; d++)
                {
                    norm += (double)next[(d * k) + c] * next[(d * k) + c];
                }

                for (var d = 0; d < rows.Dims; d++)
                {
                    centroids[(d * k) + c] = sizes[c] == 0 ? centroids[(d * k) + c] : norm > 0 ? (float)(next[(d * k) + c] / Math.Sqrt(norm)) : 0;
                }
            }
        }

        return assignment;
    }

    private static double Dot(Rows rows, int m, float[] centroids, int k, int c)
    {
        double s = 0;
        for (var j = rows.Start[m]; j < rows.Start[m + 1]; j++)
        {
            s += rows.Value[j] * centroids[(rows.Dim[j] * k) + c];
        }

        return s;
    }
}
