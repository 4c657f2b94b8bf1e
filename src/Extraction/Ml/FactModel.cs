using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extraction.Facts;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Extraction.Ml;

/// <summary>
/// The fact model on Microsoft.ML: a binary classifier over the bag of the extractor's feature strings
/// (ValueToKey, KeyToVector, then FastTree or L-BFGS logistic regression, calibrated), with an optional
/// actor model of the same kind that ranks a fact's candidate actors. One MLContext with a fixed seed,
/// one thread: the same examples give the same file, byte for byte. The file is a zip holding the
/// two ML.NET models and a small description, all with fixed timestamps. Scores go straight to the
/// trained predictor (<see cref="DirectScorer"/>), or where that does not apply through a prediction
/// engine per thread; thread-safe.
/// </summary>
public sealed class FactModel : IFactScorer, IDisposable
{
    /// <summary>Seed of every MLContext of the fact models.</summary>
    public const int Seed = 20251201;

    private const string Format = "extraction-mlnet-fact-model-v1";
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _schema;
    private readonly ThreadLocal<PredictionEngine<FeatureRow, ScoreRow>> _engine;
    private readonly DirectScorer? _direct;

    // A loaded model's ML.NET zip as read: saving the model again gives these bytes, so the file's
    // version is hashed from them instead of re-serialising the model at every start (a tenth of a one-article run).
    private readonly byte[]? _saved;
    private readonly Dictionary<string, float> _importance;

    private FactModel(MLContext ml, ITransformer transformer, DataViewSchema schema, FactTrainerKind trainer, FactModel? actors, byte[]? saved = null, double threshold = DefaultThreshold)
    {
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold is a probability in [0, 1]");
        }

        _ml = ml;
        _saved = saved;
        Threshold = threshold;
        _transformer = transformer;
        _schema = schema;
        Trainer = trainer;
        Actors = actors;
        _engine = new ThreadLocal<PredictionEngine<FeatureRow, ScoreRow>>(() => _ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(_transformer, _schema));
        _direct = DirectScorer.TryCreate(transformer, schema);
        _importance = Importance(transformer, schema);
        Bytes = Pack(this);
        Version = Convert.ToHexString(SHA256.HashData(Bytes), 0, 6).ToLowerInvariant();
    }

    /// <summary>The threshold of a model file that names none.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The trainer that made the fact model.</summary>
    public FactTrainerKind Trainer { get; }

    /// <summary>The model that ranks candidate actors, or null when the rules' choice of actor stands.</summary>
    public FactModel? Actors { get; }

    /// <inheritdoc/>
    public IFactScorer? ActorScorer => Actors;

    /// <summary>The probability from which a candidate the rules accept stays a fact; chosen in training on the training articles alone (0.5 when not).</summary>
    public double Threshold { get; }

    /// <summary>Content hash of the model file: changes exactly when the model does.</summary>
    public string Version { get; }

    /// <summary>Number of feature strings the fact model knows.</summary>
    public int Size => _importance.Count;

    /// <summary>The model file's bytes (without a description).</summary>
    private byte[] Bytes { get; }

    /// <summary>Trains a model on examples with one ML.NET trainer; deterministic for the same examples in the same order.</summary>
    public static FactModel Train(IReadOnlyList<Example> examples, FactTrainerKind trainer, FactModel? actors = null, float l2 = 1f)
    {
        if (examples.Count == 0 || examples.All(e => e.Label) || examples.All(e => !e.Label))
        {
            throw new ArgumentException("training needs positive and negative examples", nameof(examples));
        }

        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new FeatureRow { Features = [.. e.Features], Label = e.Label }));
        var bag = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(FeatureRow.Features))
            .Append(ml.Transforms.Conversion.MapKeyToVector("Bag", "Keys", outputCountVector: true));
        IEstimator<ITransformer> estimator = trainer switch
        {
            FactTrainerKind.FastTree => bag.Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                FeatureColumnName = "Bag",
                NumberOfThreads = 1,
                Seed = Seed,
                NumberOfTrees = 50,
                NumberOfLeaves = 4,
                MinimumExampleCountPerLeaf = 10,
                LearningRate = 0.1,
            })),
            _ => bag.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                FeatureColumnName = "Bag",
                NumberOfThreads = 1,
                L2Regularization = l2,
                L1Regularization = 0f,
            })),
        };
        var transformer = estimator.Fit(data);
        return new FactModel(ml, transformer, data.Schema, trainer, actors);
    }

    /// <summary>This fact model with an actor model attached (one file, one version).</summary>
    public FactModel WithActors(FactModel? actors) => new(_ml, _transformer, _schema, Trainer, actors, _saved, Threshold);

    /// <summary>This fact model deciding from another probability (one file, one version).</summary>
    public FactModel WithThreshold(double threshold) => new(_ml, _transformer, _schema, Trainer, Actors, _saved, threshold);

    /// <inheritdoc/>
    public double Probability(IReadOnlyList<string> features) =>
        _direct is not null && _direct.TryProbability(features, out var p) ? p : EngineProbability(features);

    /// <summary>The probability through ML.NET's PredictionEngine (the reference the direct scorer is tested against).</summary>
    internal double EngineProbability(IReadOnlyList<string> features) =>
        _engine.Value!.Predict(new FeatureRow { Features = features as string[] ?? [.. features] }).Probability;

    /// <summary>True when <see cref="Probability"/> scores without the PredictionEngine.</summary>
    internal bool ScoresDirectly => _direct is not null;

    /// <summary>True when the direct scorer hands the model a dense vector (a tree ensemble; see <see cref="DirectScorer"/>).</summary>
    internal bool ScoresDense => _direct is { Dense: true };

    /// <inheritdoc/>
    public (double Probability, IReadOnlyList<string> Top) Score(IReadOnlyList<string> features)
    {
        var p = Probability(features);
        var top = features.Distinct(StringComparer.Ordinal)
            .Select(f => (f, w: _importance.GetValueOrDefault(f)))
            .Where(x => x.w != 0)
            .OrderByDescending(x => Math.Abs(x.w)).ThenBy(x => x.f, StringComparer.Ordinal)
            .Take(5)
            .Select(x => $"{x.f} {x.w.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)}")
            .ToList();
        return (p, top);
    }

    // Per feature string: the linear weight (L-BFGS) or the trees' gain (FastTree), for explanations.
    private static Dictionary<string, float> Importance(ITransformer transformer, DataViewSchema input)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        transformer.GetOutputSchema(input)["Keys"].GetKeyValues(ref names);
        var weights = default(VBuffer<float>);
        // The calibrated model's sub-model (linear weights or tree gains) has GetFeatureWeights; reached by
        // name because the calibrator's generic type differs between a fresh and a loaded model.
        var last = ((IEnumerable<ITransformer>)transformer).Last();
        var calibrated = last.GetType().GetProperty("Model")?.GetValue(last);
        var sub = calibrated?.GetType().GetProperties().Where(p => p.Name == "SubModel").Select(p => p.GetValue(calibrated)).FirstOrDefault(v => v is not null);
        var method = sub?.GetType().GetMethod("GetFeatureWeights");
        if (sub?.GetType().GetProperty("Weights")?.GetValue(sub) is IReadOnlyList<float> linearWeights)
        {
            weights = new VBuffer<float>(linearWeights.Count, [.. linearWeights]);
        }
        else if (method is not null)
        {
            object[] args = [weights];
            method.Invoke(sub, args);
            weights = (VBuffer<float>)args[0];
        }

        var result = new Dictionary<string, float>(names.Length, StringComparer.Ordinal);
        var dense = weights.Length == names.Length ? weights.DenseValues().ToArray() : new float[names.Length];
        var i = 0;
        foreach (var name in names.DenseValues())
        {
            result[name.ToString()] = dense[i++];
        }

        return result;
    }

    /// <summary>The model file: a zip of the fact model, the actor model when there is one, and a description; fixed timestamps, so the same model is the same bytes.</summary>
    public byte[] ToBytes(string? description = null) => description is null ? Bytes : Pack(this, description);

    private static byte[] Pack(FactModel model, string? description = null, bool resave = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var meta = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["format"] = Format,
                ["trainer"] = model.Trainer.ToString(),
                ["actor_trainer"] = model.Actors?.Trainer.ToString(),
                ["threshold"] = model.Threshold.ToString("0.###", CultureInfo.InvariantCulture),
                ["description"] = description,
            });
            Add(zip, "model.json", Encoding.UTF8.GetBytes(meta + "\n"));
            Add(zip, "facts.zip", resave || model._saved is null ? Save(model) : model._saved);
            if (model.Actors is not null)
            {
                Add(zip, "actors.zip", resave || model.Actors._saved is null ? Save(model.Actors) : model.Actors._saved);
            }
        }

        return buffer.ToArray();
    }

    // ML.NET's own zip, rewritten with fixed entry times (it stamps entries with the clock).
    private static byte[] Save(FactModel model)
    {
        using var raw = new MemoryStream();
        model._ml.Model.Save(model._transformer, model._schema, raw);
        raw.Position = 0;
        using var source = new ZipArchive(raw, ZipArchiveMode.Read);
        using var fixedTimes = new MemoryStream();
        using (var target = new ZipArchive(fixedTimes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var s = entry.Open();
                using var content = new MemoryStream();
                s.CopyTo(content);
                Add(target, entry.FullName, content.ToArray());
            }
        }

        return fixedTimes.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var s = entry.Open();
        s.Write(content);
    }

    /// <summary>Reads a model file; throws <see cref="FormatException"/> for anything else.</summary>
    public static FactModel FromBytes(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            using var metaDoc = JsonDocument.Parse(Read(zip, "model.json"));
            var meta = metaDoc.RootElement;
            if (meta.GetProperty("format").GetString() != Format)
            {
                throw new FormatException($"not an {Format} model");
            }

            var actors = zip.GetEntry("actors.zip") is null ? null
                : Load(Read(zip, "actors.zip"), Enum.Parse<FactTrainerKind>(meta.GetProperty("actor_trainer").GetString()!), null);
            var threshold = !meta.TryGetProperty("threshold", out var t) || t.ValueKind == JsonValueKind.Null ? DefaultThreshold
                : double.TryParse(t.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var read) ? read
                : throw new FormatException($"fact model file has an unreadable threshold '{t}'");
            return Load(Read(zip, "facts.zip"), Enum.Parse<FactTrainerKind>(meta.GetProperty("trainer").GetString()!), actors, threshold);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("fact model file is not valid: " + ex.Message, ex);
        }
    }

    private static FactModel Load(byte[] bytes, FactTrainerKind trainer, FactModel? actors, double threshold = DefaultThreshold)
    {
        var ml = new MLContext(Seed);
        var transformer = ml.Model.Load(new MemoryStream(bytes), out var schema);
        return new FactModel(ml, transformer, schema, trainer, actors, bytes, threshold);
    }

    /// <summary>The version as hashed from the model saved again by ML.NET (what <see cref="Version"/> stands for; tests hold the two equal).</summary>
    internal string ResavedVersion() => Convert.ToHexString(SHA256.HashData(Pack(this, resave: true)), 0, 6).ToLowerInvariant();

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new FormatException($"fact model file lacks '{name}'");
        using var s = entry.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _engine.Dispose();
        Actors?.Dispose();
    }
}
