using System.Security.Cryptography;
using System.Text;

namespace Extraction.Pipeline;

/// <summary>
/// What a stored result depends on besides the content: pipeline and model version, the word lists
/// and models in use (embedded or --models), whether facts carry explanations, and the article
/// stages when a builder added any (by name: a stage that changes what it does should change its
/// name or the version). Results are reused only under the same key.
/// </summary>
internal static class RunConfigKey
{
    public static string Of(ExtractionPipeline pipeline)
    {
        var names = typeof(ModelFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("models/", StringComparison.Ordinal))
            .Select(n => n["models/".Length..])
            .Concat(pipeline.Models.Folder is { } dir && Directory.Exists(dir) ? Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>() : [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in names)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + pipeline.Models.ReadText(name) + "\n"));
        }

        var models = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        // The default stages add nothing, so stores written before stages had names keep their results.
        var stages = pipeline.StageNames.SequenceEqual([ArticleStages.Clean, ArticleStages.Extract]) ? "" : "; stages " + string.Join(",", pipeline.StageNames);
        return $"{pipeline.Version}; models {models}{(pipeline.Options.Explain ? "; explain" : "")}{stages}";
    }
}
