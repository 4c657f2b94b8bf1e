// The identity of a linking rule (enum), its value with the sentences it looked back, and a link it
// made: three small types that only make sense together.

namespace Extraction.Facts.Actors.Rules;

/// <summary>
/// Which rule linked a fact to its actor: an identity, not an explanation. <see cref="ActorRule.Text"/>
/// is the explanation shown to a reader; <see cref="ActorRule.Key"/> the short name the actor model's
/// features use (so rewording an explanation never changes a model's input).
/// </summary>
public enum ActorRuleId
{
    /// <summary>"jeweils": one fact per member of a list.</summary>
    Jeweils,

    /// <summary>"von X stammen", "aus X fließen": the source of the money.</summary>
    SourcePhrase,

    /// <summary>A funding round: the first-named company raises.</summary>
    FundingRound,

    /// <summary>A subsidy: the government that grants it.</summary>
    Subsidy,

    /// <summary>The nearest actor before the figure in its sentence.</summary>
    NearestBefore,

    /// <summary>The nearest actor after the figure in its sentence.</summary>
    NearestAfter,

    /// <summary>The actor of the previous sentence (no back-reference word).</summary>
    PreviousSentence,

    /// <summary>A back-reference ("Er", "Der Plan") to an actor up to three sentences back.</summary>
    BackReference,

    /// <summary>A back-reference asking for a company ("das Unternehmen", "der Konzern").</summary>
    BackReferenceCompany,

    /// <summary>The article's protagonist.</summary>
    Protagonist,

    /// <summary>Nobody found.</summary>
    None,

    /// <summary>A ranked candidate: an actor of the figure's sentence before it.</summary>
    CandidateBefore,

    /// <summary>A ranked candidate: an actor of the figure's sentence after it.</summary>
    CandidateAfter,

    /// <summary>A ranked candidate: an actor of a sentence before the figure's.</summary>
    CandidatePrevious,

    /// <summary>A ranked candidate: the article's most-named company.</summary>
    MostNamed,

    /// <summary>Consolidation: the same figure named with its actor elsewhere in the article.</summary>
    SameFigure,

    /// <summary>A definite description ("der Stufenplan") naming what an earlier sentence with an actor named.</summary>
    SameNoun,

    /// <summary>The subject of the next sentence, when the figure's sentence and the one before name nobody.</summary>
    FollowingSentence,

    /// <summary>A loan: the lender ("von X", "Kredit der X", the subject of "gewährt").</summary>
    Loan,

    /// <summary>An acquisition: the buyer (the subject of "übernimmt", "an X" after "verkauft").</summary>
    Acquisition,

    /// <summary>The company named last in the five sentences before, when nothing else links the figure.</summary>
    RecentCompany,

    /// <summary>An institution named by a definite description ("die Kirchengemeinde"), or the name the article gives it.</summary>
    Description,
}

/// <summary>A rule's identity and, for rules that look back, how many sentences back it found the actor.</summary>
public readonly record struct ActorRule(ActorRuleId Id, int Sentences = 0)
{
    /// <summary>The explanation a reader sees (--explain).</summary>
    public string Text => Id switch
    {
        ActorRuleId.Jeweils => "jeweils: one fact per actor",
        ActorRuleId.SourcePhrase => "source phrase (von/aus ... stammen/fließen)",
        ActorRuleId.FundingRound => "funding round: the first-named company raises",
        ActorRuleId.Subsidy => "subsidy: the government that grants it",
        ActorRuleId.NearestBefore => "nearest actor before the figure",
        ActorRuleId.NearestAfter => "nearest actor after the figure",
        ActorRuleId.PreviousSentence => "actor of the previous sentence",
        ActorRuleId.BackReference => $"back-reference to {Sentences} sentence(s) before",
        ActorRuleId.BackReferenceCompany => $"back-reference (company) to {Sentences} sentence(s) before",
        ActorRuleId.Protagonist => "the article's protagonist",
        ActorRuleId.None => "no actor found",
        ActorRuleId.CandidateBefore => "actor before the figure",
        ActorRuleId.CandidateAfter => "actor after the figure",
        ActorRuleId.CandidatePrevious => $"actor {Sentences} sentence(s) before",
        ActorRuleId.MostNamed => "the article's most-named company",
        ActorRuleId.SameFigure => "same figure named with its actor elsewhere in the article",
        ActorRuleId.SameNoun => $"the same thing named with its actor {Sentences} sentence(s) before",
        ActorRuleId.FollowingSentence => "subject of the next sentence",
        ActorRuleId.Loan => "loan: the lender",
        ActorRuleId.Acquisition => "acquisition: the buyer",
        ActorRuleId.RecentCompany => $"company named last, {Sentences} sentence(s) before",
        ActorRuleId.Description => "institution named by a definite description",
        _ => Id.ToString(),
    };

    /// <summary>The short, stable key of the rule in the actor model's features ("chosen-by=KEY").</summary>
    public string Key => Id switch
    {
        ActorRuleId.NearestBefore => "before",
        ActorRuleId.NearestAfter => "after",
        ActorRuleId.SourcePhrase => "source",
        ActorRuleId.Subsidy => "subsidy",
        ActorRuleId.FundingRound => "round",
        ActorRuleId.PreviousSentence => "previous",
        ActorRuleId.Protagonist => "protagonist",
        ActorRuleId.None => "none",
        ActorRuleId.BackReferenceCompany => "coref-company",
        ActorRuleId.BackReference => "coref",
        _ => "other",
    };

    /// <summary>
    /// A link made inside the figure's own sentence by a rule that reads its grammar: consolidation
    /// lets it stand and gives its actor to weaker mentions of the same figure.
    /// </summary>
    public bool IsStrong => Id is ActorRuleId.NearestBefore or ActorRuleId.NearestAfter or ActorRuleId.CandidateBefore
        or ActorRuleId.CandidateAfter or ActorRuleId.SourcePhrase or ActorRuleId.Subsidy or ActorRuleId.FundingRound;

    /// <summary>False for a back-reference that asked for a company and found one: consolidation leaves it alone.</summary>
    public bool Overridable => Id != ActorRuleId.BackReferenceCompany;

    public override string ToString() => Text;
}

/// <summary>An actor (null: none) and the rule that chose it.</summary>
public readonly record struct ActorLink(string? Actor, ActorRule Rule);
