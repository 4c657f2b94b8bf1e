using Extraction.Pipeline;

namespace Extraction.Ml;

/// <summary>The fact model file: models/ml/fact-model.zip, opt-in with --models models/ml (rules only is the default: no model beat them cross-validated on the real news and pages).</summary>
public static class FactModelFile
{
    /// <summary>File name of the shipped fact model.</summary>
    public const string Name = "fact-model.zip";

    /// <summary>Loads the fact model when the store has one, else null (rules decide alone).</summary>
    public static FactModel? TryLoad(ModelFiles store) =>
        store.Exists(Name) ? FactModel.FromBytes(store.ReadBytes(Name)) : null;
}
