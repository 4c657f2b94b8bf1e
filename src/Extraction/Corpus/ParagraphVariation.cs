using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Corpus;

/// <summary>Versions of a sample paragraph for a generated corpus: figures and organisations vary, years and dates stay.</summary>
internal static partial class ParagraphVariation
{
    // The organisations swapped in and out. A fixed list, not the gazetteer, so that a seed gives the
    // same corpus whatever models/actors.tsv holds; every name is one the gazetteer knows today.
    private static readonly string[] Organisations =
    [
        "Microsoft", "Google", "Amazon", "Meta", "Oracle", "Nvidia", "AMD", "Intel", "TSMC", "ESMC",
        "Infineon", "Bosch", "Samsung", "SK Hynix", "Rapidus", "Sony", "Toyota", "NTT", "Deutsche Telekom",
        "SAP", "Siemens", "Schwarz Gruppe", "Aleph Alpha", "Mistral AI", "Cohere", "Anthropic", "OpenAI",
        "CoreWeave", "Nscale", "Digital Realty", "Equinix", "Brookfield", "BlackRock", "MGX", "Globalfoundries",
        "IBM", "Qualcomm", "Vodafone", "Ionos", "Black Forest Labs", "Polarwerk Compute", "Albula Compute",
    ];

    // A figure in digits not glued to letters ("H100", "GH200" stay as they are).
    [GeneratedRegex("(?<![\\p{L}0-9.,])[0-9]+(?:[.,][0-9]+)*(?![\\p{L}0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Figure { get; }

    // Years and dates stay: varying them makes impossible dates, not different facts.
    [GeneratedRegex("^(?:(?:19|20)[0-9]{2}|[0-9]{1,2}\\.[0-9]{1,2}\\.(?:[0-9]{2,4})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex YearOrDate { get; }

    /// <summary>Varies a paragraph: non-zero digits of figures change (round figures stay round), organisations swap.</summary>
    public static string Vary(string paragraph, ulong seed)
    {
        var rng = new CorpusRandom(seed);
        var figures = Figure.Replace(paragraph, m =>
        {
            if (YearOrDate.IsMatch(m.Value))
            {
                return m.Value;
            }

            var chars = m.Value.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] is >= '1' and <= '9')
                {
                    chars[i] = (char)('1' + rng.Next(9));
                }
            }

            return new string(chars);
        });
        return SwapOrganisations(figures, ref rng);
    }

    private static string SwapOrganisations(string text, ref CorpusRandom rng)
    {
        var hits = new List<(int Start, string Name)>();
        foreach (var name in Organisations)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end])
                    || (text[end] == 's' && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])));
                if (startsWord && endsWord)
                {
                    hits.Add((at, name));
                }
            }
        }

        if (hits.Count == 0)
        {
            return text;
        }

        // Longest match wins where names overlap ("Meta" inside "Meta Platforms"); one new name per old name.
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Name.Length.CompareTo(a.Name.Length));
        var swap = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder(text.Length + 32);
        var pos = 0;
        foreach (var (start, name) in hits)
        {
            if (start < pos)
            {
                continue;
            }

            if (!swap.TryGetValue(name, out var other))
            {
                other = Organisations[rng.Next(Organisations.Length)];
                swap[name] = other;
            }

            sb.Append(text, pos, start - pos).Append(other);
            pos = start + name.Length;
        }

        return sb.Append(text, pos, text.Length - pos).ToString();
    }

    // Typographic characters ISO-8859-1 lacks, in the Swiss spelling the Latin-1 sample uses.
    public static string ToLatin1Typography(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '„' => sb.Append('«'),
                '“' or '”' => sb.Append('»'),
                '‚' or '‘' or '’' => sb.Append('\''),
                '–' or '—' => sb.Append('-'),
                '…' => sb.Append("..."),
                _ => sb.Append(c <= '\u00FF' ? c : '?'),
            };
        }

        return sb.ToString();
    }
}
