using Extraction.Model;
using Extraction.Recognize;
using Extraction.Text;

namespace Extraction.Facts;

/// <summary>A money or hardware candidate in one sentence, before it is decided and linked.</summary>
public sealed record Candidate(
    FactKind Kind,
    int SentenceIndex,
    int FirstToken,
    int LastToken,
    MoneyMention? Money,
    HardwareMention? Hardware);

/// <summary>Decides whether a candidate is a fact (rules, optionally a trained model) and how sure it is.</summary>
public interface IFactScorer
{
    /// <summary>Probability in [0,1] that the candidate is a fact, and the features that weighed most.</summary>
    (double Probability, IReadOnlyList<string> Top) Score(IReadOnlyList<string> features);

    /// <summary>Probability alone, for ranking many candidates without building explanations.</summary>
    double Probability(IReadOnlyList<string> features) => Score(features).Probability;

    /// <summary>The scorer that ranks a fact's candidate actors, or null when the rules' choice stands.</summary>
    IFactScorer? ActorScorer => null;
}

/// <summary>A party a fact could be linked to: its name (null: no actor), the rule that proposes it, its features and, with a model, its score.</summary>
public sealed record ActorCandidate(string? Name, string Rule, bool RulesChoice, IReadOnlyList<string> Features, double Score = 0);

/// <summary>A proposed fact with the features of its decision and its candidate actors (empty for "jeweils", which fans out by rule).</summary>
public sealed record CandidateFact(Fact Fact, bool Accepted, IReadOnlyList<string> Features, IReadOnlyList<ActorCandidate> Actors);

/// <summary>
/// Turns recognised amounts and counts into facts: resolves implied and bare-dollar currencies from
/// the article, drops retracted and non-investment money, and links each fact to the party that
/// invests or owns (same clause first, then source phrases, then back-references; with an actor
/// model, the top-scoring candidate actor), one fact per actor for "jeweils". Thread-safe.
/// </summary>
public sealed partial class FactExtractor(ActorGazetteer actors, CueLexicon cues, IFactScorer? scorer = null, double threshold = 0.5)
{
    private readonly CueLexicon _cues = cues;
    private readonly IFactScorer? _actorScorer = scorer?.ActorScorer;
    private readonly AmountRecognizer _amounts = new();
    private readonly HardwareRecognizer _hardware = new();

    /// <summary>The scorer in use, or null for rules only.</summary>
    public IFactScorer? Scorer => scorer;

    /// <summary>Extracts the facts of one article.</summary>
    public List<Fact> Extract(Article article, bool explain = false) => ExtractCandidates(article, explain)
        .Where(c => c.Accepted)
        .Select(c => c.Fact)
        .ToList();

    /// <summary>
    /// Every candidate with its features and decision (for training and --explain); with
    /// <paramref name="actorCandidates"/> (or an actor model) also each fact's candidate actors.
    /// </summary>
    public List<CandidateFact> ExtractCandidates(Article article, bool explain = false, bool actorCandidates = false)
    {
        var ranking = actorCandidates || _actorScorer is not null;
        var text = article.Text;
        var spans = SentenceSplitter.Split(text);
        var sentences = new List<SentenceInfo>(spans.Count);
        foreach (var s in spans)
        {
            var tokens = Tokenizer.Tokenize(text, s.Start, s.Length);
            var sentenceText = text.Substring(s.Start, s.Length);
            sentences.Add(new SentenceInfo(s, sentenceText, tokens,
                actors.Find(tokens, 0, tokens.Count),
                _amounts.Recognize(text, tokens),
                _hardware.Recognize(text, tokens),
                _cues.RetractedBefore(sentenceText)));
        }

        var dollar = ArticleDollar(sentences);
        var context = Context(sentences);
        var results = new List<CandidateFact>();
        var strong = new List<bool>();
        var overridable = new List<bool>();
        string? lastCurrency = null;
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            foreach (var m in s.Money)
            {
                var retracted = s.RetractedBefore >= 0 && m.Start - s.Span.Start < s.RetractedBefore;
                var currency = m.Evidence switch
                {
                    CurrencyEvidence.BareDollar => dollar,
                    CurrencyEvidence.Implied => lastCurrency,
                    _ => m.Amount.Currency,
                };
                if (!retracted && m.Evidence != CurrencyEvidence.Implied)
                {
                    lastCurrency = currency;
                }

                if (currency is null)
                {
                    continue;
                }

                var (first, last) = TokenRange(s.Tokens, m.Start, m.Start + m.Length);
                var rule = RuleDecision(s, first, last, FactKind.Investment, retracted);
                var features = Features(s, first, last, FactKind.Investment, m.Evidence, retracted, rule.Accept);
                var (accepted, confidence, top) = Decide(rule, features, explain);
                var amount = m.Amount with { Currency = currency };
                foreach (var link in Link(sentences, si, first, last, null, context, FactKind.Investment, ranking, explain))
                {
                    var fact = new Fact(article.Id, FactKind.Investment, link.Actor, amount, null, null, null, m.Text, s.Text,
                        m.Start, confidence, explain ? Explanation(rule.Rule, link, top) : null);
                    results.Add(new CandidateFact(fact, accepted, features, link.Candidates));
                    strong.Add(IsStrong(link.Rule));
                    overridable.Add(!link.Rule.Contains("(company)", StringComparison.Ordinal));
                }
            }

            foreach (var h in s.Hardware)
            {
                var (first, last) = TokenRange(s.Tokens, h.Start, h.Start + h.Length);
                var retracted = s.RetractedBefore >= 0 && h.Start - s.Span.Start < s.RetractedBefore;
                var rule = RuleDecision(s, first, last, FactKind.Hardware, retracted);
                var features = Features(s, first, last, FactKind.Hardware, CurrencyEvidence.Explicit, retracted, rule.Accept);
                var (accepted, confidence, top) = Decide(rule, features, explain);
                var vendorTokens = h.Vendor;
                foreach (var link in Link(sentences, si, first, last, vendorTokens, context, FactKind.Hardware, ranking, explain))
                {
                    var fact = new Fact(article.Id, FactKind.Hardware, link.Actor, null, h.Count, h.Unit, h.Model, h.Text, s.Text,
                        h.Start, confidence, explain ? Explanation(rule.Rule, link, top) : null);
                    results.Add(new CandidateFact(fact, accepted, features, link.Candidates));
                    strong.Add(IsStrong(link.Rule));
                    overridable.Add(!link.Rule.Contains("(company)", StringComparison.Ordinal));
                }
            }
        }

        return Consolidate(results, strong, overridable);
    }

    private static bool IsStrong(string actorRule) => actorRule is "nearest actor before the figure" or "nearest actor after the figure"
        or "actor before the figure" or "actor after the figure"
        or "source phrase (von/aus ... stammen/fließen)" or "subsidy: the government that grants it" or "funding round: the first-named company raises";

    /// <summary>
    /// One figure, one owner within an article: a mention whose actor was only guessed (back-reference,
    /// protagonist, none; a headline) takes the actor that a mention of the same figure names in its own sentence.
    /// </summary>
    private static List<CandidateFact> Consolidate(List<CandidateFact> results, List<bool> strong, List<bool> overridable)
    {
        static string Key(Fact f) => f.Kind == FactKind.Investment
            ? $"I|{f.Amount!.Min}|{f.Amount.Max}|{f.Amount.Currency}"
            : $"H|{f.Count!.Min}|{f.Unit}";
        var owners = results.Select((r, i) => (r, i))
            .Where(x => strong[x.i] && x.r.Accepted && x.r.Fact.Actor is not null)
            .GroupBy(x => Key(x.r.Fact))
            .Select(g => (g.Key, Actors: g.Select(x => x.r.Fact.Actor!).Distinct().ToList()))
            .Where(g => g.Actors.Count == 1)
            .ToDictionary(g => g.Key, g => g.Actors[0], StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var fact = results[i].Fact;
            if (!strong[i] && overridable[i] && owners.TryGetValue(Key(fact), out var owner) && owner != fact.Actor)
            {
                var explanation = fact.Explanation is null ? null : fact.Explanation with { ActorRule = "same figure named with its actor elsewhere in the article" };
                results[i] = results[i] with { Fact = fact with { Actor = owner, Explanation = explanation } };
            }
        }

        return results;
    }

    private (bool Accepted, double Confidence, IReadOnlyList<string> Top) Decide((bool Accept, double Confidence, string Rule) rule, IReadOnlyList<string> features, bool explain)
    {
        if (scorer is null)
        {
            return (rule.Accept, rule.Confidence, [rule.Rule]);
        }

        // The strongest features are only needed for --explain; ranking them for every candidate costs time.
        var (p, top) = explain ? scorer.Score(features) : (scorer.Probability(features), []);
        return (p >= threshold, Math.Round(p, 3), top);
    }

    private sealed record SentenceInfo(
        SentenceSpan Span,
        string Text,
        List<Token> Tokens,
        List<ActorMention> Actors,
        IReadOnlyList<MoneyMention> Money,
        IReadOnlyList<HardwareMention> Hardware,
        int RetractedBefore);

    private static (int First, int Last) TokenRange(List<Token> tokens, int start, int end)
    {
        var first = tokens.FindIndex(t => t.Start >= start);
        var last = tokens.FindLastIndex(t => t.End <= end);
        return (Math.Max(first, 0), Math.Max(last, first));
    }

    // A bare "Dollar" is USD unless the article is about a country with its own dollar.
    private static string ArticleDollar(List<SentenceInfo> sentences)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        var canada = 0;
        foreach (var s in sentences)
        {
            foreach (var m in s.Money)
            {
                var retracted = s.RetractedBefore >= 0 && m.Start - s.Span.Start < s.RetractedBefore;
                if (m.Evidence == CurrencyEvidence.Explicit && !retracted && m.Amount.Currency is "USD" or "CAD" or "AUD" or "NZD" or "SGD" or "HKD")
                {
                    votes[m.Amount.Currency] = votes.GetValueOrDefault(m.Amount.Currency) + 1;
                }
            }

            canada += s.Actors.Count(a => a.Group == "Kanada");
        }

        // An article about Canada means Canadian dollars when it just says "Dollar".
        if (canada >= 3 || votes.GetValueOrDefault("CAD") > 0)
        {
            return "CAD";
        }

        return votes.Count == 0 ? "USD" : votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key == "USD" ? 1 : 0).First().Key;
    }

    private (bool Accept, double Confidence, string Rule) RuleDecision(SentenceInfo s, int first, int last, FactKind kind, bool retracted)
    {
        if (retracted)
        {
            return (false, 0.05, "retracted figure");
        }

        var pos = Nearest(s.Tokens, first, last, "positive");
        var neg = Nearest(s.Tokens, first, last, "negative");
        if (kind == FactKind.Hardware)
        {
            var figure = s.Tokens[first].Kind == TokenKind.Word && first + 1 <= last ? s.Tokens[first + 1] : s.Tokens[first];
            var before = first > 0 ? s.Tokens[first - 1].Text.ToLowerInvariant() : "";
            if (figure.Kind == TokenKind.Number && figure.Text.Length == 4 && figure.Text[0] is '1' or '2' && !figure.Text.Contains('.', StringComparison.Ordinal))
            {
                return (false, 0.1, "a year, not a count");
            }

            if (before is "je" or "pro" or "einigen" or "mehreren" or "einige" or "mehrere" || figure.Text is "Tausend" or "tausend" or "Hundert" or "hundert")
            {
                return (false, 0.15, "per-unit or vague count");
            }

            if (HardwareCount(s, first, last) < 16)
            {
                return (false, 0.2, "too few units to be a facility");
            }

            return neg is >= 0 and <= 2 ? (false, 0.2, "hardware next to a price or revenue word") : (true, 0.9, "hardware count with unit");
        }

        var money = s.Money.FirstOrDefault(m => m.Start >= s.Tokens[first].Start && m.Start <= s.Tokens[last].Start);
        if (money is not null && money.Amount.Max < 100_000m)
        {
            return (false, 0.1, "too small for an investment (a price or fee)");
        }

        if (neg >= 0 && (pos < 0 || neg < pos))
        {
            return (false, 0.15, "nearest cue is not an investment (" + s.Tokens[NearestIndex(s.Tokens, first, last, "negative")].Text + ")");
        }

        if (pos < 0)
        {
            return (false, 0.3, "no investment cue in the sentence");
        }

        return (true, pos <= 6 ? 0.9 : 0.75, "investment cue '" + s.Tokens[NearestIndex(s.Tokens, first, last, "positive")].Text + "'");
    }

    private static long HardwareCount(SentenceInfo s, int first, int last) =>
        s.Hardware.FirstOrDefault(h => h.Start >= s.Tokens[first].Start && h.Start <= s.Tokens[last].Start)?.Count.Min ?? 0;

    private int Nearest(List<Token> tokens, int first, int last, string set)
    {
        var k = NearestIndex(tokens, first, last, set);
        return k < 0 ? -1 : (k < first ? first - k : k - last);
    }

    private int NearestIndex(List<Token> tokens, int first, int last, string set)
    {
        for (var d = 1; d < tokens.Count; d++)
        {
            if (first - d >= 0 && _cues.Is(set, tokens[first - d]))
            {
                return first - d;
            }

            if (last + d < tokens.Count && _cues.Is(set, tokens[last + d]))
            {
                return last + d;
            }

            if (first - d < 0 && last + d >= tokens.Count)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>Shallow features of a candidate, for the trained model.</summary>
    private List<string> Features(SentenceInfo s, int first, int last, FactKind kind, CurrencyEvidence evidence, bool retracted, bool ruleAccepts)
    {
        var f = new List<string> { "bias", "kind=" + kind, "currency=" + evidence, ruleAccepts ? "rule=accept" : "rule=reject" };
        if (retracted)
        {
            f.Add("retracted");
        }

        var pos = Nearest(s.Tokens, first, last, "positive");
        var neg = Nearest(s.Tokens, first, last, "negative");
        f.Add(pos < 0 ? "pos=none" : pos <= 3 ? "pos=near" : pos <= 8 ? "pos=mid" : "pos=far");
        f.Add(neg < 0 ? "neg=none" : neg <= 3 ? "neg=near" : neg <= 8 ? "neg=mid" : "neg=far");
        if (pos >= 0 && neg >= 0)
        {
            f.Add(pos < neg ? "pos<neg" : "neg<=pos");
        }

        for (var k = Math.Max(0, first - 3); k < first; k++)
        {
            f.Add("w-" + (first - k) + "=" + s.Tokens[k].Text.ToLowerInvariant());
        }

        for (var k = last + 1; k <= Math.Min(s.Tokens.Count - 1, last + 3); k++)
        {
            f.Add("w+" + (k - last) + "=" + s.Tokens[k].Text.ToLowerInvariant());
        }

        foreach (var t in s.Tokens)
        {
            if (_cues.Is("positive", t) || _cues.Is("negative", t))
            {
                f.Add("cue=" + t.Text.ToLowerInvariant());
            }
        }

        f.Add(s.Actors.Count > 0 ? "actor=in-sentence" : "actor=none");
        f.Add(s.Tokens.Count < 12 ? "sent=short" : s.Tokens.Count < 40 ? "sent=mid" : "sent=long");
        return f;
    }

    /// <summary>
    /// Article-level context for linking: the country a bare "die Regierung" means, the protagonist, the
    /// most-named company, and the actor groups of each sentence once computed (actor candidates look
    /// back three sentences for every figure).
    /// </summary>
    private sealed record ArticleContext(string? Country, string? Protagonist, string? MostNamed)
    {
        public Dictionary<int, List<List<ActorMention>>> Groups { get; } = [];

        public Dictionary<SentenceInfo, List<ActorMention>> Mentions { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private static ArticleContext Context(List<SentenceInfo> sentences)
    {
        var all = sentences.SelectMany(s => s.Actors).ToList();
        var country = all.Where(a => a.Type is "country")
            .GroupBy(a => a.Canonical).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(a => a.Start)).FirstOrDefault()?.Key;
        var top = all.GroupBy(a => a.Canonical).OrderByDescending(g => g.Count()).FirstOrDefault();
        var protagonist = top is not null && top.Count() >= 3 && top.Count() * 10 >= all.Count * 4 ? top.Key : null;
        var mostNamed = all.Where(a => a.Type == "org").GroupBy(a => a.Canonical).Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(a => a.Start)).FirstOrDefault()?.Key;
        return new ArticleContext(country, protagonist, mostNamed);
    }

    /// <summary>Actors a sentence names: gazetteer hits not used as places ("in Brandenburg"), plus "die Regierung" as the article's country.</summary>
    private List<ActorMention> Candidates(SentenceInfo s, ArticleContext context)
    {
        if (context.Mentions.TryGetValue(s, out var known))
        {
            return known;
        }

        var list = new List<ActorMention>();
        foreach (var a in s.Actors)
        {
            var prev = a.FirstToken > 0 ? s.Tokens[a.FirstToken - 1].Text : "";
            if (prev is "in" or "im" or "nach" or "bei" or "Standort" or "Region" && a.Type is "country" or "region")
            {
                continue;
            }

            list.Add(a);
        }

        if (context.Country is not null)
        {
            for (var k = 0; k < s.Tokens.Count; k++)
            {
                if (_cues.Is("government", s.Tokens[k]) && !s.Actors.Any(a => a.FirstToken <= k && k <= a.LastToken))
                {
                    // "der Bund" is a federal government: Germany's unless the article is about Switzerland or Austria.
                    var country = s.Tokens[k].Is("Bund") && context.Country is not ("Schweiz" or "Österreich") ? "Deutschland" : context.Country;
                    list.Add(new ActorMention(k, k, s.Tokens[k].Start, s.Tokens[k].End, country, actors.GroupOf(country), "country"));
                }
            }
        }

        list.Sort((x, y) => x.FirstToken.CompareTo(y.FirstToken));
        context.Mentions[s] = list;
        return list;
    }

    /// <summary>The actor(s) of a candidate and the rule that chose them; several for "jeweils".</summary>
    private IEnumerable<(string? Actor, string Rule)> LinkActors(List<SentenceInfo> sentences, int si, int first, int last, string? vendor, ArticleContext context)
    {
        var s = sentences[si];
        var mentions = Candidates(s, context)
            .Where(a => !(a.FirstToken >= first && a.LastToken <= last))
            .Where(a => vendor is null || a.Canonical != vendor || a.FirstToken < first - 3 || a.FirstToken > last)
            .ToList();
        var groups = Coordinate(s.Tokens, mentions);

        // "jeweils": one fact per member of the list before the figure (or in the sentence before).
        if (HasJeweils(s))
        {
            var list = groups.Where(g => g.Count >= 2 && g[^1].LastToken < first).LastOrDefault();
            if (list is null && groups.Count == 0 && si > 0)
            {
                list = Coordinate(sentences[si - 1].Tokens, Candidates(sentences[si - 1], context)).LastOrDefault(g => g.Count >= 2);
            }

            if (list is not null)
            {
                foreach (var a in list.Select(a => a.Canonical).Distinct())
                {
                    yield return (a, JeweilsRule);
                }

                yield break;
            }
        }

        // Source phrases: "... sollen von der Investmentfirma Brookfield stammen", "aus den Emiraten fließen".
        foreach (var g in groups.Where(g => g[0].FirstToken > last))
        {
            var k = g[0].FirstToken - 1;
            var back = 0;
            while (k > last && back < 4 && !s.Tokens[k].Is("von") && !s.Tokens[k].Is("aus"))
            {
                k--;
                back++;
            }

            if (k > last && (s.Tokens[k].Is("von") || s.Tokens[k].Is("aus"))
                && s.Tokens.Skip(g[^1].LastToken + 1).Any(t => t.Text.StartsWith("stamm", StringComparison.OrdinalIgnoreCase)
                    || t.Text.StartsWith("komm", StringComparison.OrdinalIgnoreCase) || t.Text.StartsWith("fließ", StringComparison.OrdinalIgnoreCase)))
            {
                yield return (Name(g), "source phrase (von/aus ... stammen/fließen)");
                yield break;
            }
        }

        // Funding rounds: the company that raises the money is named first ("X sammelt ... ein", "X kam in einer Runde mit Investoren wie ...").
        if (groups.Count > 1 && s.Tokens.Any(t => _cues.Is("round", t)))
        {
            yield return (Name(groups[0]), "funding round: the first-named company raises");
            yield break;
        }

        // Subsidies come from governments: prefer a country, the EU or a region.
        if (s.Tokens.Any(t => _cues.Is("subsidy", t)))
        {
            var gov = groups.Where(g => g.All(a => a.Type is "country" or "eu" or "region")).ToList();
            var pick = gov.Where(g => g[^1].LastToken < first).LastOrDefault() ?? gov.FirstOrDefault();
            if (pick is not null)
            {
                yield return (Name(pick), "subsidy: the government that grants it");
                yield break;
            }
        }

        var before = groups.Where(g => g[^1].LastToken < first).LastOrDefault();
        if (before is not null)
        {
            yield return (Name(before), "nearest actor before the figure");
            yield break;
        }

        var after = groups.FirstOrDefault(g => g[0].FirstToken > last);
        if (after is not null)
        {
            yield return (Name(after), "nearest actor after the figure");
            yield break;
        }

        // Back-references: "Er", "Das Unternehmen", "Der Plan", "demzufolge": up to three sentences back;
        // "das Unternehmen" and "der Konzern" look for a company, "die Regierung" for a country.
        var corefIndex = s.Tokens.FindIndex(t => _cues.Is("coref", t));
        var coref = corefIndex >= 0;
        var corefWord = coref ? s.Tokens[corefIndex].Text : "";
        var wantsOrg = corefWord.StartsWith("Unternehmen", StringComparison.OrdinalIgnoreCase)
            || corefWord.StartsWith("Konzern", StringComparison.OrdinalIgnoreCase) || corefWord is "Firma" or "Gruppe";
        var reach = coref ? 3 : 1;
        for (var b = 1; b <= reach && si - b >= 0; b++)
        {
            var prev = sentences[si - b];
            var g = Coordinate(prev.Tokens, Candidates(prev, context).Where(a => !wantsOrg || a.Type == "org").ToList());
            if (g.Count > 0)
            {
                yield return (Name(g[0]), !coref ? "actor of the previous sentence"
                    : wantsOrg ? $"back-reference (company) to {b} sentence(s) before" : $"back-reference to {b} sentence(s) before");
                yield break;
            }
        }

        if (context.Protagonist is not null)
        {
            yield return (context.Protagonist, "the article's protagonist");
            yield break;
        }

        yield return (null, "no actor found");
    }

    private static string Name(List<ActorMention> group)
    {
        var names = group.Select(a => a.Canonical).Distinct().ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " und " + names[^1];
    }

    // Adjacent actors joined by ",", "und", "sowie", "als auch" form one list.
    private static List<List<ActorMention>> Coordinate(List<Token> tokens, List<ActorMention> mentions)
    {
        var groups = new List<List<ActorMention>>();
        foreach (var m in mentions)
        {
            if (groups.Count > 0)
            {
                var prev = groups[^1][^1];
                var between = tokens.Skip(prev.LastToken + 1).Take(m.FirstToken - prev.LastToken - 1).ToList();
                if (between.Count is > 0 and <= 2 && between.All(t => t.Text is "," or "und" or "sowie" or "als" or "auch" or "&" or "wie"))
                {
                    groups[^1].Add(m);
                    continue;
                }
            }

            groups.Add([m]);
        }

        return groups;
    }
}
