using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Extraction.Ml;

/// <summary>
/// Scores a fact model without a PredictionEngine: the bag of feature strings becomes the sparse count
/// vector that the model's ValueToKey and KeyToVector steps would make (slots sorted, duplicates
/// counted, unknown strings left out), handed straight to the trained predictor's own calibrated
/// mapper. The arithmetic is ML.NET's, so the probability is the same to the bit; what goes is the
/// engine's per-row work (string columns, a row cursor, two transforms) that cost more than the score.
/// Thread-safe.
/// </summary>
internal sealed class DirectScorer
{
    private delegate void DistMapper(in VBuffer<float> features, ref float score, ref float probability);

    // Per thread, grown as needed: the slots found, and the sparse vector's indices and counts.
    [ThreadStatic]
    private static int[]? _slotScratch;

    [ThreadStatic]
    private static int[]? _indexScratch;

    [ThreadStatic]
    private static float[]? _valueScratch;

    // Per thread: the whole bag as a dense vector, all zero between calls (for a tree ensemble). Two of them, by length:
    // the fact model and the actor model (bags of different sizes) take turns on one thread.
    [ThreadStatic]
    private static float[]? _denseScratch;

    [ThreadStatic]
    private static float[]? _denseScratchOther;

    private readonly Dictionary<string, int> _slots;
    private readonly int _length;
    private readonly DistMapper _mapper;
    private readonly bool _dense;

    private DirectScorer(Dictionary<string, int> slots, int length, DistMapper mapper, bool dense)
    {
        _slots = slots;
        _length = length;
        _mapper = mapper;
        _dense = dense;
    }

    /// <summary>True when the bag goes to the model as a dense vector (a tree ensemble).</summary>
    public bool Dense => _dense;

    /// <summary>
    /// The direct scorer of a chain ValueToKey("Keys") -> KeyToVector("Bag") -> calibrated binary predictor,
    /// as <see cref="FactModel"/> trains it; null for any other shape (the caller keeps the engine).
    /// </summary>
    public static DirectScorer? TryCreate(ITransformer transformer, DataViewSchema input)
    {
        if (transformer is not IEnumerable<ITransformer> chain)
        {
            return null;
        }

        var steps = chain.ToList();
        if (steps.Count != 3 || steps[0] is not ValueToKeyMappingTransformer || steps[1] is not KeyToVectorMappingTransformer)
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        var schema = transformer.GetOutputSchema(input);
        if (schema.GetColumnOrNull("Keys") is not { } keys || schema.GetColumnOrNull("Bag") is not { } bag
            || bag.Type is not VectorDataViewType { Size: > 0 } bagType)
        {
            return null;
        }

        keys.GetKeyValues(ref names);
        if (names.Length != bagType.Size)
        {
            return null;
        }

        var model = steps[2].GetType().GetProperty("Model")?.GetValue(steps[2]);
        if (model is null || Mapper(model) is not { } mapper)
        {
            return null;
        }

        var slots = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        var i = 0;
        foreach (var name in names.DenseValues())
        {
            // ValueToKey never maps the empty string.
            var term = name.ToString();
            if (term.Length > 0)
            {
                slots.TryAdd(term, i);
            }

            i++;
        }

        // A tree ensemble reads each split's feature the same from a dense vector as from a sparse one (absent is 0), and
        // in one step instead of a binary search over the sparse indices at every node; a linear model's dot product
        // would add in another order dense, so it keeps the sparse vector.
        return new DirectScorer(slots, bagType.Size, mapper, IsTreeEnsemble(model));
    }

    // A zeroed per-thread vector of the given length; the one used less recently makes room for a new length.
    private static float[] DenseScratch(int length)
    {
        if (_denseScratch is { } first && first.Length == length)
        {
            return first;
        }

        if (_denseScratchOther is not { } other || other.Length != length)
        {
            other = new float[length];
        }

        (_denseScratchOther, _denseScratch) = (_denseScratch, other);
        return other;
    }

    // A calibrated tree ensemble (FastTree, LightGBM), by the calibrated model's type arguments.
    private static bool IsTreeEnsemble(object model)
    {
        for (var type = model.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Microsoft.ML.Calibrators.CalibratedModelParametersBase<,>))
            {
                return typeof(Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParameters).IsAssignableFrom(type.GenericTypeArguments[0]);
            }
        }

        return false;
    }

    // The predictor's (score, probability) mapper: the interface is internal to ML.NET, so it is reached by
    // name and bound to a delegate of the same signature once, at load.
    private static DistMapper? Mapper(object model)
    {
        var dist = model.GetType().GetInterfaces().FirstOrDefault(t => t.FullName == "Microsoft.ML.Data.IValueMapperDist");
        var get = dist?.GetMethod("GetMapper", BindingFlags.Public | BindingFlags.Instance);
        if (get is null || !get.IsGenericMethodDefinition || get.GetGenericArguments().Length != 3)
        {
            return null;
        }

        try
        {
            var mapper = (Delegate?)get.MakeGenericMethod(typeof(VBuffer<float>), typeof(float), typeof(float)).Invoke(model, null);
            return mapper is null ? null : (DistMapper)Delegate.CreateDelegate(typeof(DistMapper), mapper.Target, mapper.Method);
        }
        catch (Exception ex) when (ex is ArgumentException or TargetInvocationException or InvalidOperationException or MemberAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The calibrated probability, or false when the bag could turn dense (ML.NET's builder densifies a
    /// vector half full; then its dense arithmetic applies, and the caller scores with the engine).
    /// </summary>
    public bool TryProbability(IReadOnlyList<string> features, out float probability)
    {
        probability = 0;
        if (features.Count >= _length / 2 - 2)
        {
            return false;
        }

        if (_slotScratch is null || _slotScratch.Length < features.Count)
        {
            var size = Math.Max(64, features.Count);
            (_slotScratch, _indexScratch, _valueScratch) = (new int[size], new int[size], new float[size]);
        }

        var (slots, indices, values) = (_slotScratch, _indexScratch!, _valueScratch!);
        var n = 0;
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i] is { } f && _slots.TryGetValue(f, out var slot))
            {
                slots[n++] = slot;
            }
        }

        var score = 0f;
        if (_dense)
        {
            var vector = DenseScratch(_length);
            for (var i = 0; i < n; i++)
            {
                vector[slots[i]] += 1f;
            }

            try
            {
                _mapper(new VBuffer<float>(_length, vector), ref score, ref probability);
            }
            finally
            {
                // Zero again whatever happened: the next call starts from an empty bag.
                for (var i = 0; i < n; i++)
                {
                    vector[slots[i]] = 0f;
                }
            }

            return true;
        }

        Array.Sort(slots, 0, n);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (count > 0 && indices[count - 1] == slots[i])
            {
                values[count - 1] += 1f;
            }
            else
            {
                indices[count] = slots[i];
                values[count++] = 1f;
            }
        }

        var bag = new VBuffer<float>(_length, count, values, indices);
        _mapper(in bag, ref score, ref probability);
        return true;
    }
}
