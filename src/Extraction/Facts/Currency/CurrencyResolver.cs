using Extraction.Facts.Analysis;
using Extraction.Model;

namespace Extraction.Facts.Currency;

/// <summary>
/// The currency of each money figure: as written; for a bare "Dollar" the article's dollar (CAD in an
/// article about Canada); for an implied one ("eine Milliarde in ...") the currency of the last figure
/// before it, or before any figure named one, the article's currency (the first one it names; euros when it names
/// none, as in German and Austrian news). One resolver per article: it remembers the last currency seen.
/// </summary>
internal sealed class CurrencyResolver(string dollar, string article = "EUR")
{
    private string? _last;

    /// <summary>A resolver for one article.</summary>
    public static CurrencyResolver For(List<SentenceInfo> sentences)
    {
        var dollar = ArticleDollar(sentences);
        return new(dollar, ArticleCurrency(sentences, dollar));
    }

    /// <summary>The currency of a figure (null: none known yet); call for every figure in article order.</summary>
    public string? Resolve(MoneyMention m, bool retracted)
    {
        var currency = m.Evidence switch
        {
            CurrencyEvidence.BareDollar => dollar,
            CurrencyEvidence.Implied => _last ?? article,
            _ => m.Amount.Currency,
        };
        if (!retracted && m.Evidence != CurrencyEvidence.Implied)
        {
            _last = currency;
        }

        return currency;
    }

    // The currency of the article's first figure that names one ("Halbwerk steckt 10 Milliarden in ..." above
    // "... 10 Milliarden Euro"); euros when none does.
    private static string ArticleCurrency(List<SentenceInfo> sentences, string dollar)
    {
        foreach (var s in sentences)
        {
            foreach (var m in s.Money)
            {
                if (m.Evidence != CurrencyEvidence.Implied && !s.IsRetracted(m.Start))
                {
                    return m.Evidence == CurrencyEvidence.BareDollar ? dollar : m.Amount.Currency ?? "EUR";
                }
            }
        }

        return "EUR";
    }

    // A bare "Dollar" is USD unless the article is about a country with its own dollar.
    public static string ArticleDollar(List<SentenceInfo> sentences)
    {
        Dictionary<string, int>? votes = null;
        var canada = 0;
        foreach (var s in sentences)
        {
            foreach (var m in s.Money)
            {
                var retracted = s.IsRetracted(m.Start);
                if (m.Evidence == CurrencyEvidence.Explicit && !retracted && m.Amount.Currency is "USD" or "CAD" or "AUD" or "NZD" or "SGD" or "HKD")
                {
                    votes ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    votes[m.Amount.Currency] = votes.GetValueOrDefault(m.Amount.Currency) + 1;
                }
            }

            foreach (var a in s.Actors)
            {
                if (a.Group == "Kanada")
                {
                    canada++;
                }
            }
        }

        // An article about Canada means Canadian dollars when it just says "Dollar".
        if (canada >= 3 || (votes is not null && votes.GetValueOrDefault("CAD") > 0))
        {
            return "CAD";
        }

        return votes is null ? "USD" : votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key == "USD" ? 1 : 0).First().Key;
    }
}
