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
    private readonly int _positive = cues.Bit("positive");
    private readonly int _negative = cues.Bit("negative");
    private readonly int _government = cues.Bit("government");
    private readonly int _coref = cues.Bit("coref");
    private readonly int _round = cues.Bit("round");
    private readonly int _subsidy = cues.Bit("subsidy");
    private readonly IFactScorer? _actorScorer = scorer?.ActorScorer;
    private readonly AmountRecognizer _amounts = new();
    private readonly HardwareRecognizer _hardware = new();

    /// <summary>The scorer in use, or null for rules only.</summary>
    public IFactScorer? Scorer => scorer;

    /// <summary>Extracts the facts of one article.</summary>
    public List<Fact> Extract(Article article, bool explain = false)
    {
        // Without a scorer the decision features are never read: the facts alone leave them out.
        var candidates = Candidates(article, explain, actorCandidates: false, features: scorer is not null);
        var facts = new List<Fact>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.Accepted)
            {
                facts.Add(c.Fact);
            }
        }

        return facts;
    }

    /// <summary>
    /// Every candidate with its features and decision (for training and --explain); with
    /// <paramref name="actorCandidates"/> (or an actor model) also each fact's candidate actors.
    /// </summary>
    public List<CandidateFact> ExtractCandidates(Article article, bool explain = false, bool actorCandidates = false) =>
        Candidates(article, explain, actorCandidates, features: true);

    private List<CandidateFact> Candidates(Article article, bool explain, bool actorCandidates, bool features)
    {
        var ranking = actorCandidates || _actorScorer is not null;
        var text = article.Text;
        var spans = SentenceSplitter.Split(text);
        var sentences = new List<SentenceInfo>(spans.Count);
        foreach (var s in spans)
        {
            var tokens = Tokenizer.Tokenize(text, s.Start, s.Length);
            var figure = AmountRecognizer.FirstFigure(tokens); // most sentences have none: both scans skip them
            sentences.Add(new SentenceInfo(s, text, tokens,
                actors.Find(tokens, 0, tokens.Count),
                _amounts.Recognize(text, tokens, figure),
                _hardware.Recognize(text, tokens, figure),
                _cues.RetractedBefore(text.AsSpan(s.Start, s.Length))));
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
                var near = NearestCues(s, first, last);
                var rule = RuleDecision(s, first, last, FactKind.Investment, retracted, near);
                IReadOnlyList<string> decisive = features ? Features(s, first, last, FactKind.Investment, m.Evidence, retracted, rule.Accept, near) : [];
                var (accepted, confidence, top) = Decide(rule, decisive, explain);
                var amount = m.Amount with { Currency = currency };
                foreach (var link in Link(sentences, si, first, last, null, context, FactKind.Investment, ranking, explain))
                {
                    var fact = new Fact(article.Id, FactKind.Investment, link.Actor, amount, null, null, null, m.Text, s.Text,
                        m.Start, confidence, explain ? Explanation(rule.Rule, link, top) : null);
                    results.Add(new CandidateFact(fact, accepted, decisive, link.Candidates));
                    strong.Add(IsStrong(link.Rule));
                    overridable.Add(!link.Rule.Contains("(company)", StringComparison.Ordinal));
                }
            }

            foreach (var h in s.Hardware)
            {
                var (first, last) = TokenRange(s.Tokens, h.Start, h.Start + h.Length);
                var retracted = s.RetractedBefore >= 0 && h.Start - s.Span.Start < s.RetractedBefore;
                var near = NearestCues(s, first, last);
                var rule = RuleDecision(s, first, last, FactKind.Hardware, retracted, near);
                IReadOnlyList<string> decisive = features ? Features(s, first, last, FactKind.Hardware, CurrencyEvidence.Explicit, retracted, rule.Accept, near) : [];
                var (accepted, confidence, top) = Decide(rule, decisive, explain);
                var vendorTokens = h.Vendor;
                foreach (var link in Link(sentences, si, first, last, vendorTokens, context, FactKind.Hardware, ranking, explain))
                {
                    var fact = new Fact(article.Id, FactKind.Hardware, link.Actor, null, h.Count, h.Unit, h.Model, h.Text, s.Text,
                        h.Start, confidence, explain ? Explanation(rule.Rule, link, top) : null);
                    results.Add(new CandidateFact(fact, accepted, decisive, link.Candidates));
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

        // The actor of each figure that strong links name, unless they name more than one.
        Dictionary<string, (string Actor, bool Several)>? owners = null;
        for (var i = 0; i < results.Count; i++)
        {
            var fact = results[i].Fact;
            if (!strong[i] || !results[i].Accepted || fact.Actor is null)
            {
                continue;
            }

            owners ??= new Dictionary<string, (string Actor, bool Several)>(StringComparer.Ordinal);
            var key = Key(fact);
            if (!owners.TryGetValue(key, out var owner))
            {
                owners[key] = (fact.Actor, false);
            }
            else if (!owner.Several && owner.Actor != fact.Actor)
            {
                owners[key] = (owner.Actor, true);
            }
        }

        if (owners is null)
        {
            return results;
        }

        for (var i = 0; i < results.Count; i++)
        {
            var fact = results[i].Fact;
            if (!strong[i] && overridable[i] && owners.TryGetValue(Key(fact), out var owner) && !owner.Several && owner.Actor != fact.Actor)
            {
                var explanation = fact.Explanation is null ? null : fact.Explanation with { ActorRule = "same figure named with its actor elsewhere in the article" };
                results[i] = results[i] with { Fact = fact with { Actor = owner.Actor, Explanation = explanation } };
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

    /// <summary>
    /// One sentence of the article: its tokens and mentions, and (computed when first asked, as most
    /// sentences hold no figure) its text and the cue sets of each token.
    /// </summary>
    private sealed class SentenceInfo(
        SentenceSpan span,
        string article,
        List<Token> tokens,
        List<ActorMention> actors,
        IReadOnlyList<MoneyMention> money,
        IReadOnlyList<HardwareMention> hardware,
        int retractedBefore)
    {
        private string? _text;
        private int[]? _cues;
        private int _anyCue;

        public SentenceSpan Span => span;

        public string Text => _text ??= article.Substring(span.Start, span.Length);

        public List<Token> Tokens => tokens;

        public List<ActorMention> Actors => actors;

        public IReadOnlyList<MoneyMention> Money => money;

        public IReadOnlyList<HardwareMention> Hardware => hardware;

        public int RetractedBefore => retractedBefore;

        /// <summary>The cue sets of each token, as <see cref="CueLexicon.Mask(in Token)"/> gives them.</summary>
        public int[] Cues(CueLexicon lexicon)
        {
            if (_cues is null)
            {
                var cues = new int[tokens.Count];
                var any = 0;
                for (var k = 0; k < cues.Length; k++)
                {
                    cues[k] = lexicon.Mask(tokens[k]);
                    any |= cues[k];
                }

                _anyCue = any;
                _cues = cues;
            }

            return _cues;
        }

        /// <summary>The cue sets of <paramref name="bits"/> token k is in, without computing the other tokens' sets.</summary>
        public int CueAt(CueLexicon lexicon, int k, int bits) => _cues is { } cues ? cues[k] & bits : lexicon.Mask(tokens[k], bits);

        /// <summary>True when some token of the sentence is in one of the cue sets of <paramref name="bits"/>.</summary>
        public bool HasCue(CueLexicon lexicon, int bits)
        {
            Cues(lexicon);
            return (_anyCue & bits) != 0;
        }

        /// <summary>The first token in one of the cue sets of <paramref name="bits"/>, or -1.</summary>
        public int FirstCue(CueLexicon lexicon, int bits)
        {
            if (!HasCue(lexicon, bits))
            {
                return -1;
            }

            var cues = _cues!;
            for (var k = 0; k < cues.Length; k++)
            {
                if ((cues[k] & bits) != 0)
                {
                    return k;
                }
            }

            return -1;
        }
    }

    private static (int First, int Last) TokenRange(List<Token> tokens, int start, int end)
    {
        var first = -1;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Start >= start)
            {
                first = k;
                break;
            }
        }

        var last = -1;
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            if (tokens[k].End <= end)
            {
                last = k;
                break;
            }
        }

        return (Math.Max(first, 0), Math.Max(last, first));
    }

    // A bare "Dollar" is USD unless the article is about a country with its own dollar.
    private static string ArticleDollar(List<SentenceInfo> sentences)
    {
        Dictionary<string, int>? votes = null;
        var canada = 0;
        foreach (var s in sentences)
        {
            foreach (var m in s.Money)
            {
                var retracted = s.RetractedBefore >= 0 && m.Start - s.Span.Start < s.RetractedBefore;
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

    /// <summary>The nearest investment and non-investment cues around a figure (token indices, -1 for none).</summary>
    private readonly record struct NearCues(int Positive, int Negative);

    private NearCues NearestCues(SentenceInfo s, int first, int last)
    {
        var cues = s.Cues(_cues);
        return new NearCues(
            s.HasCue(_cues, _positive) ? NearestIndex(cues, first, last, _positive) : -1,
            s.HasCue(_cues, _negative) ? NearestIndex(cues, first, last, _negative) : -1);
    }

    private (bool Accept, double Confidence, string Rule) RuleDecision(SentenceInfo s, int first, int last, FactKind kind, bool retracted, NearCues near)
    {
        if (retracted)
        {
            return (false, 0.05, "retracted figure");
        }

        var pos = Distance(near.Positive, first, last);
        var neg = Distance(near.Negative, first, last);
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

        var money = FirstMoneyIn(s, first, last);
        if (money is not null && money.Amount.Max < 100_000m)
        {
            return (false, 0.1, "too small for an investment (a price or fee)");
        }

        if (neg >= 0 && (pos < 0 || neg < pos))
        {
            return (false, 0.15, "nearest cue is not an investment (" + s.Tokens[near.Negative].Text + ")");
        }

        if (pos < 0)
        {
            return (false, 0.3, "no investment cue in the sentence");
        }

        return (true, pos <= 6 ? 0.9 : 0.75, "investment cue '" + s.Tokens[near.Positive].Text + "'");
    }

    private static MoneyMention? FirstMoneyIn(SentenceInfo s, int first, int last)
    {
        int from = s.Tokens[first].Start, to = s.Tokens[last].Start;
        foreach (var m in s.Money)
        {
            if (m.Start >= from && m.Start <= to)
            {
                return m;
            }
        }

        return null;
    }

    private static long HardwareCount(SentenceInfo s, int first, int last)
    {
        int from = s.Tokens[first].Start, to = s.Tokens[last].Start;
        foreach (var h in s.Hardware)
        {
            if (h.Start >= from && h.Start <= to)
            {
                return h.Count.Min;
            }
        }

        return 0;
    }

    // Tokens between a figure and a cue at index k (-1: no cue).
    private static int Distance(int k, int first, int last) => k < 0 ? -1 : (k < first ? first - k : k - last);

    // The nearest token outside [first, last] in a cue set of bits, the one before on a tie.
    private static int NearestIndex(int[] cues, int first, int last, int bits)
    {
        for (var d = 1; d < cues.Length; d++)
        {
            if (first - d >= 0 && (cues[first - d] & bits) != 0)
            {
                return first - d;
            }

            if (last + d < cues.Length && (cues[last + d] & bits) != 0)
            {
                return last + d;
            }

            if (first - d < 0 && last + d >= cues.Length)
            {
                break;
            }
        }

        return -1;
    }

    private static readonly string[] WordsBefore = ["w-1=", "w-2=", "w-3="];
    private static readonly string[] WordsAfter = ["w+1=", "w+2=", "w+3="];

    /// <summary>Shallow features of a candidate, for the trained model.</summary>
    private List<string> Features(SentenceInfo s, int first, int last, FactKind kind, CurrencyEvidence evidence, bool retracted, bool ruleAccepts, NearCues near)
    {
        var f = new List<string>(24) { "bias", KindFeature(kind), EvidenceFeature(evidence), ruleAccepts ? "rule=accept" : "rule=reject" };
        if (retracted)
        {
            f.Add("retracted");
        }

        var pos = Distance(near.Positive, first, last);
        var neg = Distance(near.Negative, first, last);
        f.Add(pos < 0 ? "pos=none" : pos <= 3 ? "pos=near" : pos <= 8 ? "pos=mid" : "pos=far");
        f.Add(neg < 0 ? "neg=none" : neg <= 3 ? "neg=near" : neg <= 8 ? "neg=mid" : "neg=far");
        if (pos >= 0 && neg >= 0)
        {
            f.Add(pos < neg ? "pos<neg" : "neg<=pos");
        }

        for (var k = Math.Max(0, first - 3); k < first; k++)
        {
            f.Add(Lowered(WordsBefore[first - k - 1], s.Tokens[k].Text));
        }

        for (var k = last + 1; k <= Math.Min(s.Tokens.Count - 1, last + 3); k++)
        {
            f.Add(Lowered(WordsAfter[k - last - 1], s.Tokens[k].Text));
        }

        var cues = s.Cues(_cues);
        if (s.HasCue(_cues, _positive | _negative))
        {
            for (var k = 0; k < cues.Length; k++)
            {
                if ((cues[k] & (_positive | _negative)) != 0)
                {
                    f.Add(Lowered("cue=", s.Tokens[k].Text));
                }
            }
        }

        f.Add(s.Actors.Count > 0 ? "actor=in-sentence" : "actor=none");
        f.Add(s.Tokens.Count < 12 ? "sent=short" : s.Tokens.Count < 40 ? "sent=mid" : "sent=long");
        return f;
    }

    private static string KindFeature(FactKind kind) => kind switch
    {
        FactKind.Investment => "kind=Investment",
        FactKind.Hardware => "kind=Hardware",
        _ => "kind=" + kind,
    };

    private static string EvidenceFeature(CurrencyEvidence evidence) => evidence switch
    {
        CurrencyEvidence.Explicit => "currency=Explicit",
        CurrencyEvidence.BareDollar => "currency=BareDollar",
        CurrencyEvidence.Implied => "currency=Implied",
        _ => "currency=" + evidence,
    };

    // prefix + word.ToLowerInvariant(), in one string.
    private static string Lowered(string prefix, string word)
    {
        if (word.Length > 128)
        {
            return prefix + word.ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[word.Length];
        var n = word.AsSpan().ToLowerInvariant(lower);
        return string.Concat(prefix.AsSpan(), lower[..n]);
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
        // Per name, in order of first mention: all mentions, and those as a country or a company.
        var names = new List<(string Canonical, int All, int Countries, int Orgs, int FirstCountry, int FirstOrg)>();
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
                    names.Add((a.Canonical, 0, 0, 0, int.MaxValue, int.MaxValue));
                }

                var e = names[n];
                e.All++;
                if (a.Type is "country")
                {
                    e.Countries++;
                    e.FirstCountry = Math.Min(e.FirstCountry, a.Start);
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
        int country = -1, top = -1, mostNamed = -1;
        for (var n = 0; n < names.Count; n++)
        {
            var e = names[n];
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
        return new ArticleContext(country < 0 ? null : names[country].Canonical, protagonist, mostNamed < 0 ? null : names[mostNamed].Canonical);
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
                if (s.CueAt(_cues, k, _government) != 0 && !IsInActor(s.Actors, k))
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

    private static bool IsInActor(List<ActorMention> mentions, int k)
    {
        foreach (var a in mentions)
        {
            if (a.FirstToken <= k && k <= a.LastToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The actors of a figure's own sentence that may own it: not inside the figure, and not its hardware vendor right before it.</summary>
    private List<ActorMention> Owners(SentenceInfo s, ArticleContext context, int first, int last, string? vendor)
    {
        var all = Candidates(s, context);
        var owners = new List<ActorMention>(all.Count);
        foreach (var a in all)
        {
            if (!(a.FirstToken >= first && a.LastToken <= last)
                && (vendor is null || a.Canonical != vendor || a.FirstToken < first - 3 || a.FirstToken > last))
            {
                owners.Add(a);
            }
        }

        return owners;
    }

    // "stammen", "kommen", "fließen" from token k on (at most count tokens): the money comes from a source.
    private static bool HasSourceVerb(List<Token> tokens, int k, int count = int.MaxValue)
    {
        var end = (int)Math.Min(tokens.Count, (long)k + count);
        for (; k < end; k++)
        {
            var t = tokens[k].Text;
            if (t.StartsWith("stamm", StringComparison.OrdinalIgnoreCase) || t.StartsWith("komm", StringComparison.OrdinalIgnoreCase)
                || t.StartsWith("fließ", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The groups of actors in the figure's sentence that may own it (coordinated names together), in sentence order.</summary>
    private List<List<ActorMention>> OwnerGroups(SentenceInfo s, int first, int last, string? vendor, ArticleContext context) =>
        Coordinate(s.Tokens, Owners(s, context, first, last, vendor));

    /// <summary>The actor(s) of a candidate and the rule that chose them; several for "jeweils". <paramref name="groups"/> is <see cref="OwnerGroups"/>, read only.</summary>
    private List<(string? Actor, string Rule)> LinkActors(List<SentenceInfo> sentences, int si, int first, int last, ArticleContext context, List<List<ActorMention>> groups)
    {
        var s = sentences[si];

        // "jeweils": one fact per member of the list before the figure (or in the sentence before).
        if (HasJeweils(s))
        {
            List<ActorMention>? list = null;
            for (var gi = groups.Count - 1; gi >= 0 && list is null; gi--)
            {
                if (groups[gi].Count >= 2 && groups[gi][^1].LastToken < first)
                {
                    list = groups[gi];
                }
            }

            if (list is null && groups.Count == 0 && si > 0)
            {
                var previous = Coordinate(sentences[si - 1].Tokens, Candidates(sentences[si - 1], context));
                for (var gi = previous.Count - 1; gi >= 0 && list is null; gi--)
                {
                    if (previous[gi].Count >= 2)
                    {
                        list = previous[gi];
                    }
                }
            }

            if (list is not null)
            {
                var each = new List<(string? Actor, string Rule)>(list.Count);
                foreach (var a in list)
                {
                    if (!each.Exists(x => x.Actor == a.Canonical))
                    {
                        each.Add((a.Canonical, JeweilsRule));
                    }
                }

                return each;
            }
        }

        // Source phrases: "... sollen von der Investmentfirma Brookfield stammen", "aus den Emiraten fließen".
        foreach (var g in groups)
        {
            if (g[0].FirstToken <= last)
            {
                continue;
            }

            var k = g[0].FirstToken - 1;
            var back = 0;
            while (k > last && back < 4 && !s.Tokens[k].Is("von") && !s.Tokens[k].Is("aus"))
            {
                k--;
                back++;
            }

            if (k > last && (s.Tokens[k].Is("von") || s.Tokens[k].Is("aus")) && HasSourceVerb(s.Tokens, g[^1].LastToken + 1))
            {
                return [(Name(g), "source phrase (von/aus ... stammen/fließen)")];
            }
        }

        // Funding rounds: the company that raises the money is named first ("X sammelt ... ein", "X kam in einer Runde mit Investoren wie ...").
        if (groups.Count > 1 && s.HasCue(_cues, _round))
        {
            return [(Name(groups[0]), "funding round: the first-named company raises")];
        }

        // Subsidies come from governments: prefer a country, the EU or a region.
        if (s.HasCue(_cues, _subsidy))
        {
            List<ActorMention>? firstGov = null, lastGovBefore = null;
            foreach (var g in groups)
            {
                if (g.TrueForAll(a => a.Type is "country" or "eu" or "region"))
                {
                    firstGov ??= g;
                    if (g[^1].LastToken < first)
                    {
                        lastGovBefore = g;
                    }
                }
            }

            var pick = lastGovBefore ?? firstGov;
            if (pick is not null)
            {
                return [(Name(pick), "subsidy: the government that grants it")];
            }
        }

        List<ActorMention>? before = null, after = null;
        foreach (var g in groups)
        {
            if (g[^1].LastToken < first)
            {
                before = g;
            }
            else if (after is null && g[0].FirstToken > last)
            {
                after = g;
            }
        }

        if (before is not null)
        {
            return [(Name(before), "nearest actor before the figure")];
        }

        if (after is not null)
        {
            return [(Name(after), "nearest actor after the figure")];
        }

        // Back-references: "Er", "Das Unternehmen", "Der Plan", "demzufolge": up to three sentences back;
        // "das Unternehmen" and "der Konzern" look for a company, "die Regierung" for a country.
        var corefIndex = s.FirstCue(_cues, _coref);
        var coref = corefIndex >= 0;
        var corefWord = coref ? s.Tokens[corefIndex].Text : "";
        var wantsOrg = corefWord.StartsWith("Unternehmen", StringComparison.OrdinalIgnoreCase)
            || corefWord.StartsWith("Konzern", StringComparison.OrdinalIgnoreCase) || corefWord is "Firma" or "Gruppe";
        var reach = coref ? 3 : 1;
        for (var b = 1; b <= reach && si - b >= 0; b++)
        {
            var prev = sentences[si - b];
            var mentions = Candidates(prev, context);
            if (wantsOrg)
            {
                mentions = mentions.FindAll(a => a.Type == "org");
            }

            if (mentions.Count > 0)
            {
                var g = Coordinate(prev.Tokens, mentions);
                return [(Name(g[0]), !coref ? "actor of the previous sentence"
                    : wantsOrg ? $"back-reference (company) to {b} sentence(s) before" : $"back-reference to {b} sentence(s) before")];
            }
        }

        if (context.Protagonist is not null)
        {
            return [(context.Protagonist, "the article's protagonist")];
        }

        return [(null, "no actor found")];
    }

    private static string Name(List<ActorMention> group)
    {
        var single = true;
        foreach (var a in group)
        {
            single &= a.Canonical == group[0].Canonical;
        }

        if (single)
        {
            return group[0].Canonical;
        }

        var names = group.Select(a => a.Canonical).Distinct().ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " und " + names[^1];
    }

    // Adjacent actors joined by ",", "und", "sowie", "als auch" form one list.
    private static List<List<ActorMention>> Coordinate(List<Token> tokens, List<ActorMention> mentions)
    {
        var groups = new List<List<ActorMention>>(mentions.Count);
        foreach (var m in mentions)
        {
            if (groups.Count > 0)
            {
                var prev = groups[^1][^1];
                var from = prev.LastToken + 1;
                var count = Math.Min(m.FirstToken - from, tokens.Count - from);
                if (count is > 0 and <= 2 && AreJoiners(tokens, from, count))
                {
                    groups[^1].Add(m);
                    continue;
                }
            }

            groups.Add([m]);
        }

        return groups;
    }

    private static bool AreJoiners(List<Token> tokens, int from, int count)
    {
        for (var k = from; k < from + count; k++)
        {
            if (tokens[k].Text is not ("," or "und" or "sowie" or "als" or "auch" or "&" or "wie"))
            {
                return false;
            }
        }

        return true;
    }
}
