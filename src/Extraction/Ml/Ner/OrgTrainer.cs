using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Extraction.Ml.Ner;

/// <summary>Precision, recall and F1 of ORG spans (entity level: a span counts only with exactly gold's first and last token).</summary>
public sealed record SpanScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Trains the organisation recogniser with ML.NET: one row per token (its features from
/// <see cref="OrgFeatures"/> as a sparse 0/1 vector, its tag as the label), an L-BFGS maximum-entropy
/// trainer with one thread and a fixed seed, then the weights are read out into an <see cref="OrgModel"/>.
/// Every <c>holdOutEvery</c>-th sentence (by position in the files) is held out and scored.
/// </summary>
public static class OrgTrainer
{
    /// <summary>Features seen fewer times than this in training are dropped (they cannot carry a weight).</summary>
    public const int MinCount = 2;

    /// <summary>
    /// Regularisation, chosen on the held-out fifth among (L1, L2) = (0.5, 0.5), (0.05, 0.1), (0.01, 1) and
    /// (0.001, 0.01): ORG F1 0.428, 0.449, 0.419, 0.443. The weaker settings fit the training part
    /// almost perfectly (F1 0.999) and recall more names but with lower precision.
    /// </summary>
    private const float L1 = 0.05f, L2 = 0.1f;

    /// <summary>Input row of the trainer: the tag and the sparse feature vector.</summary>
    public sealed class TokenRow
    {
        public string Tag { get; set; } = "O";

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>Which sentences are held out: every k-th, counting from the first of the first file.</summary>
    public static bool IsHeldOut(int index, int holdOutEvery) => holdOutEvery > 0 && index % holdOutEvery == holdOutEvery - 1;

    /// <summary>Trains on the sentences not held out; returns the model and its score on the held-out ones.</summary>
    public static (OrgModel Model, SpanScore HeldOut, int TrainSentences, int HeldOutSentences) Train(
        IReadOnlyList<TaggedSentence> sentences, OrgFeatures features, int holdOutEvery = 5, string description = "")
    {
        var train = sentences.Where((_, i) => !IsHeldOut(i, holdOutEvery)).ToList();
        var heldOut = sentences.Where((_, i) => IsHeldOut(i, holdOutEvery)).ToList();

        var tokenFeatures = train.Select(s => features.Of(s.Tokens)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in tokenFeatures.SelectMany(s => s).SelectMany(t => t))
        {
            counts[f] = counts.GetValueOrDefault(f) + 1;
        }

        var names = counts.Where(kv => kv.Value >= MinCount).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

        var rows = new List<TokenRow>();
        for (var s = 0; s < train.Count; s++)
        {
            for (var t = 0; t < train[s].Tokens.Count; t++)
            {
                var slots = tokenFeatures[s][t].Where(index.ContainsKey).Select(f => index[f]).Distinct().Order().ToArray();
                rows.Add(new TokenRow
                {
                    Tag = train[s].Tags[t].ToString(),
                    Features = new VBuffer<float>(names.Length, slots.Length, [.. slots.Select(_ => 1f)], slots),
                });
            }
        }

        var ml = new MLContext(seed: 20140901);
        var schema = SchemaDefinition.Create(typeof(TokenRow));
        schema[nameof(TokenRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, names.Length);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(TokenRow.Tag), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = nameof(TokenRow.Features),
                L1Regularization = L1,
                L2Regularization = L2,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 300,
                OptimizationTolerance = 1e-6f,
            }));
        var fitted = pipeline.Fit(data);

        // Keys ordered by value: B, I, O, the order OrgModel keeps its weights in.
        var parameters = fitted.LastTransformer.Model;
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out var classes);
        if (classes != 3)
        {
            throw new InvalidOperationException($"expected the tags B, I and O in training, found {classes} classes");
        }

        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var c = 0; c < 3; c++)
        {
            foreach (var (slot, value) in perClass[c].Items())
            {
                var rounded = MathF.Round(value, 4);
                if (rounded != 0)
                {
                    (weights.TryGetValue(names[slot], out var w) ? w : weights[names[slot]] = new float[3])[c] = rounded;
                }
            }
        }

        var bias = parameters.GetBiases().Select(b => MathF.Round(b, 4)).ToArray();
        var model = new OrgModel(weights, bias, description);
        return (model, Score(model, features, heldOut), train.Count, heldOut.Count);
    }

    /// <summary>Entity-level ORG score of a model on tagged sentences.</summary>
    public static SpanScore Score(OrgModel model, OrgFeatures features, IEnumerable<TaggedSentence> sentences)
    {
        int gold = 0, predicted = 0, correct = 0;
        foreach (var s in sentences)
        {
            var g = GermEvalReader.Spans(s.Tags);
            var p = GermEvalReader.Spans(model.Tag(features.Of(s.Tokens)));
            gold += g.Count;
            predicted += p.Count;
            correct += p.Count(g.Contains);
        }

        return new SpanScore(gold, predicted, correct);
    }
}
