using Extraction.Model;

namespace Extraction.Tests.Support;

/// <summary>Builders for facts in tests.</summary>
public static class TestFacts
{
    public static Fact Money(string article, string? actor, decimal min, string currency, Qualifier q = Qualifier.Exact, decimal? max = null, int start = 0) =>
        new(article, FactKind.Investment, actor, new Amount(min, max ?? min, currency, q), null, null, null,
            $"{min} {currency}", $"{actor} investiert {min} {currency}.", start, 0.9);

    public static Fact Hardware(string article, string? actor, long count, string unit, string? model = null, int start = 0) =>
        new(article, FactKind.Hardware, actor, null, new Count(count, count, Qualifier.Exact), unit, model,
            $"{count} {unit}", $"{actor} baut mit {count} {unit}.", start, 0.9);
}
