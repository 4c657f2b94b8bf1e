namespace Extraction.Ml.Ner;

/// <summary>
/// Trains the named-entity tagger behind the organisation recogniser: an averaged structured
/// perceptron (Collins 2002) over every GermEval label with BIO prefixes, decoded by Viterbi with the
/// BIO constraint, features from <see cref="OrgFeatures"/>. Deterministic: sentences are visited in an
/// order shuffled by a fixed seed, weights are rounded to three decimals. Every <c>holdOutEvery</c>-th
/// sentence (by position in the files) is held out and scored on its outer ORG spans.
/// </summary>
public static class OrgTrainer
{
    /// <summary>Passes over the training sentences: on 5 development folds of the training part (with clusters) 5, 10, 20 and 40 passes gave ORG F1 0.535, 0.539, 0.532, 0.535.</summary>
    public const int Epochs = 10;

    /// <summary>Features seen fewer times than this in training get no weight (they make the file large and carry little).</summary>
    public const int MinCount = 2;

    /// <summary>Seed of the order in which each pass visits the sentences.</summary>
    public const int Seed = 20140901;

    /// <summary>Which sentences are held out: every k-th, counting from the first of the first file.</summary>
    public static bool IsHeldOut(int index, int holdOutEvery) => holdOutEvery > 0 && index % holdOutEvery == holdOutEvery - 1;

    /// <summary>Trains on the sentences not held out; returns the model and its ORG score on the held-out ones.</summary>
    public static (OrgModel Model, SpanScore HeldOut, int TrainSentences, int HeldOutSentences) Train(
        IReadOnlyList<TaggedSentence> sentences, IReadOnlySet<string> gazetteerWords, int holdOutEvery = 5, string description = "", int epochs = Epochs, int minCount = MinCount, WordClusters? clusters = null)
    {
        var train = sentences.Where((_, i) => !IsHeldOut(i, holdOutEvery)).ToList();
        var heldOut = sentences.Where((_, i) => IsHeldOut(i, holdOutEvery)).ToList();
        var model = Fit(train, gazetteerWords, description, epochs, minCount, clusters);
        return (model, Score(model, gazetteerWords, heldOut), train.Count, heldOut.Count);
    }

    /// <summary>Pooled scores per class (ORG first) of k-fold cross-validation (fold j: the sentences at positions j, j+k, ...); two folds train at a time.</summary>
    public static List<(string Type, SpanScore Score)> CrossValidate(IReadOnlyList<TaggedSentence> sentences, IReadOnlySet<string> gazetteerWords, int folds, WordClusters? clusters = null, int epochs = Epochs, int minCount = MinCount)
    {
        string[] types = [GermEvalReader.Org, "LOC", "PER", "OTH"];
        var scores = new SpanScore[folds][];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, j =>
        {
            var train = sentences.Where((_, i) => i % folds != j).ToList();
            var test = sentences.Where((_, i) => i % folds == j).ToList();
            var model = Fit(train, gazetteerWords, "", epochs, minCount, clusters);
            scores[j] = [.. types.Select(t => Score(model, gazetteerWords, test, t))];
        });
        return [.. types.Select((t, k) => (t, scores.Select(s => s[k]).Aggregate((a, b) => a + b)))];
    }

    /// <summary>Trains a model on all the given sentences.</summary>
    public static OrgModel Fit(IReadOnlyList<TaggedSentence> train, IReadOnlySet<string> gazetteerWords, string description = "", int epochs = Epochs, int minCount = MinCount, WordClusters? clusters = null)
    {
        var lowercase = OrgFeatures.LowercaseWords(train.Select(s => s.Tokens));
        var features = new OrgFeatures(gazetteerWords, lowercase, clusters);

        // Labels: O first, then the rest in ordinal order, so the file does not depend on the order of the data.
        var tags = train.SelectMany(s => s.Tags).Where(t => t != "O").Distinct().Order(StringComparer.Ordinal).Prepend("O").ToArray();
        var tagIndex = tags.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var t = tags.Length;

        var buffer = new FeatureBuffer(recordNames: true);
        var tokenFeatures = train.Select(s => Names(features, buffer, s.Tokens)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in tokenFeatures.SelectMany(s => s).SelectMany(x => x))
        {
            counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        var names = counts.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var ids = tokenFeatures.Select(s => s.Select(tok => tok.Where(index.ContainsKey).Select(f => index[f]).Distinct().ToArray()).ToArray()).ToArray();
        var gold = train.Select(s => s.Tags.Select(x => tagIndex[x]).ToArray()).ToArray();

        // Averaged perceptron with the usual trick: w is the current weight, u the sum of c * update; the average is w - u / c.
        var w = new float[names.Length * t];
        var u = new double[names.Length * t];
        var tw = new float[(t + 1) * t];
        var tu = new double[(t + 1) * t];
        var allowed = OrgModel.Allowed(tags);
        var predecessors = OrgModel.Predecessors(allowed, t);
        var random = new Random(Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        double c = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var s in order)
            {
                var x = ids[s];
                var y = gold[s];
                var n = x.Length;
                var e = new float[n * t];
                for (var i = 0; i < n; i++)
                {
                    foreach (var f in x[i])
                    {
                        for (var k = 0; k < t; k++)
                        {
                            e[i * t + k] += w[f * t + k];
                        }
                    }
                }

                var z = OrgModel.Viterbi(e, n, t, tw, allowed, predecessors);
                for (var i = 0; i < n; i++)
                {
                    var pg = i == 0 ? t : y[i - 1];
                    var pz = i == 0 ? t : z[i - 1];
                    if (y[i] == z[i] && pg == pz)
                    {
                        continue;
                    }

                    Update(tw, tu, pg * t + y[i], 1, c);
                    Update(tw, tu, pz * t + z[i], -1, c);
                    if (y[i] != z[i])
                    {
                        foreach (var f in x[i])
                        {
                            Update(w, u, f * t + y[i], 1, c);
                            Update(w, u, f * t + z[i], -1, c);
                        }
                    }
                }

                c++;
            }
        }

        var kept = new List<string>(names.Length);
        var weights = new List<float>(names.Length * t);
        for (var f = 0; f < names.Length; f++)
        {
            var any = false;
            for (var k = 0; k < t; k++)
            {
                any |= Average(w[f * t + k], u[f * t + k], c) != 0;
            }

            if (any)
            {
                kept.Add(names[f]);
                for (var k = 0; k < t; k++)
                {
                    weights.Add(Average(w[f * t + k], u[f * t + k], c));
                }
            }
        }

        var transitions = new float[(t + 1) * t];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = Average(tw[k], tu[k], c);
        }

        return new OrgModel(tags, [.. kept], [.. weights], transitions, lowercase, description, clusters);
    }

    private static void Update(float[] w, double[] u, int slot, int delta, double c)
    {
        w[slot] += delta;
        u[slot] += c * delta;
    }

    private static float Average(float w, double u, double c) => MathF.Round((float)(w - u / c), 1);

    /// <summary>The feature names of every token of a sentence.</summary>
    private static string[][] Names(OrgFeatures features, FeatureBuffer buffer, IReadOnlyList<string> tokens)
    {
        features.Of(tokens, buffer);
        var all = new string[tokens.Count][];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = buffer.Names!.GetRange(buffer.StartOf(i), buffer.StartOf(i + 1) - buffer.StartOf(i)).ToArray();
        }

        return all;
    }

    /// <summary>Entity-level ORG score (outer column) of a model on tagged sentences.</summary>
    public static SpanScore Score(OrgModel model, IReadOnlySet<string> gazetteerWords, IEnumerable<TaggedSentence> sentences, string type = GermEvalReader.Org)
    {
        var features = new OrgFeatures(gazetteerWords, model.Lowercase, model.Clusters);
        var buffer = new FeatureBuffer();
        int gold = 0, predicted = 0, correct = 0;
        foreach (var s in sentences)
        {
            features.Of(s.Tokens, buffer);
            var g = GermEvalReader.Spans(s.Tags, type);
            var p = GermEvalReader.Spans(model.Tag(buffer), type);
            gold += g.Count;
            predicted += p.Count;
            correct += p.Count(g.Contains);
        }

        return new SpanScore(gold, predicted, correct);
    }
}
