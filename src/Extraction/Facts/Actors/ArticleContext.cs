using Extraction.Facts.Analysis;

namespace Extraction.Facts.Actors;

/// <summary>
/// Article-level context for linking: the country a bare "die Regierung" means, the protagonist, the
/// most-named company, and the actor groups of each sentence once computed (actor candidates look
/// back three sentences for every figure).
/// </summary>
internal sealed record ArticleContext(string? Country, string? Protagonist, string? MostNamed)
{
    public Dictionary<int, List<List<ActorMention>>> Groups { get; } = [];

    /// <summary>The state or region (type "region") named most, the earlier on a tie; null when the article names none.</summary>
    public string? Region { get; init; }

    /// <summary>The company named most, at least twice and more than twice as often as any other; null when none stands out.</summary>
    public string? DominantCompany { get; init; }

    public Dictionary<SentenceInfo, List<ActorMention>> Mentions { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The context of an article from the actors of its sentences.</summary>
    public static ArticleContext Of(List<SentenceInfo> sentences)
    {
        // Per name, in order of first mention: all mentions, and those as a country or a company.
        var names = new List<(string Canonical, int All, int Countries, int Orgs, int FirstCountry, int FirstOrg, int Regions)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var s in sentences)
        {
            foreach (var a in s.Actors)
            {
                total++;
                if (!index.TryGetValue(a.Canonical, out var n))
                {
                    n = names.Count;
                    index[a.Canonical] = n;
                    names.Add((a.Canonical, 0, 0, 0, int.MaxValue, int.MaxValue, 0));
                }

                var e = names[n];
                e.All++;
                if (a.Type is "country")
                {
                    e.Countries++;
                    e.FirstCountry = Math.Min(e.FirstCountry, a.Start);
                }

                if (a.Type == "region")
                {
                    e.Regions++;
                }

                if (a.Type == "org")
                {
                    e.Orgs++;
                    e.FirstOrg = Math.Min(e.FirstOrg, a.Start);
                }

                names[n] = e;
            }
        }

        // The most mentions win, then the earliest first mention, then the name first mentioned (a stable sort).
        int country = -1, top = -1, mostNamed = -1, region = -1;
        for (var n = 0; n < names.Count; n++)
        {
            var e = names[n];
            if (e.Regions > 0 && (region < 0 || e.Regions > names[region].Regions))
            {
                region = n;
            }

            if (e.Countries > 0 && (country < 0 || e.Countries > names[country].Countries
                || (e.Countries == names[country].Countries && e.FirstCountry < names[country].FirstCountry)))
            {
                country = n;
            }

            if (top < 0 || e.All > names[top].All)
            {
                top = n;
            }

            if (e.Orgs >= 2 && (mostNamed < 0 || e.Orgs > names[mostNamed].Orgs
                || (e.Orgs == names[mostNamed].Orgs && e.FirstOrg < names[mostNamed].FirstOrg)))
            {
                mostNamed = n;
            }
        }

        var protagonist = top >= 0 && names[top].All >= 3 && names[top].All * 10 >= total * 4 ? names[top].Canonical : null;
        // The company the article is about: named at least twice, and more than twice as often as any other company.
        var runnerUp = 0;
        for (var n = 0; n < names.Count; n++)
        {
            if (n != mostNamed)
            {
                runnerUp = Math.Max(runnerUp, names[n].Orgs);
            }
        }

        var dominant = mostNamed >= 0 && names[mostNamed].Orgs > 2 * runnerUp ? names[mostNamed].Canonical : null;
        return new ArticleContext(country < 0 ? null : names[country].Canonical, protagonist, mostNamed < 0 ? null : names[mostNamed].Canonical)
        {
            DominantCompany = dominant,
            Region = region < 0 ? null : names[region].Canonical,
        };
    }
}
