using System.Text.Json;
using Extraction.Output;

namespace Extraction.Evaluation;

/// <summary>
/// A gold file as docs/gold-format.md defines it: fact lines, and the articles it covers. An
/// article with a <c>{"kind":"none"}</c> line is covered without facts: anything reported there is
/// spurious. Facts of articles the gold does not name are not scored.
/// </summary>
public sealed record GoldSet(IReadOnlyList<GoldFact> Facts, IReadOnlySet<string> Articles)
{
    /// <summary>A set made of fact lines only: it covers the articles those facts name.</summary>
    public static GoldSet From(IReadOnlyList<GoldFact> facts) =>
        new(facts, facts.Select(f => f.Article).ToHashSet(StringComparer.Ordinal));

    /// <summary>Reads a gold file; a bad line throws <see cref="FormatException"/> naming the file and line.</summary>
    public static GoldSet Load(string path)
    {
        var facts = new List<GoldFact>();
        var articles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in JsonFormats.ReadLines(path, ReadLine))
        {
            articles.Add(line.Article);
            if (line.Fact is not null)
            {
                facts.Add(line.Fact);
            }
        }

        return new GoldSet(facts, articles);
    }

    /// <summary>Reads one line: a fact, or an article without facts (<c>kind</c> "none", Fact null).</summary>
    public static (string Article, GoldFact? Fact) ReadLine(JsonElement e)
    {
        if (e.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == "none")
        {
            return e.TryGetProperty("article", out var a) && a.ValueKind == JsonValueKind.String
                ? (a.GetString()!, null)
                : throw new FormatException("gold line lacks 'article'");
        }

        var fact = GoldFact.Read(e);
        return (fact.Article, fact);
    }

    /// <summary>The fact lines of one article.</summary>
    public IEnumerable<GoldFact> Of(string article) => Facts.Where(f => f.Article == article);
}
