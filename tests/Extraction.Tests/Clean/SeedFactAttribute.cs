namespace Extraction.Tests.Clean;

/// <summary>
/// A theory over the seed articles; skipped with a visible reason when ../shared/seeds is not beside
/// the repository (xunit 2 has no dynamic skip, so the attribute decides when tests are discovered).
/// </summary>
public sealed class SeedTheoryAttribute : TheoryAttribute
{
    public SeedTheoryAttribute()
    {
        if (!TestCorpus.SeedsPresent)
        {
            Skip = SeedFactAttribute.MissingReason;
        }
    }
}

/// <summary>A fact about the seed articles; skipped with a visible reason when ../shared/seeds is absent.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    internal static string MissingReason =>
        $"seed articles not found at {TestCorpus.SeedsDir} (expected ../shared/seeds beside the repository); seed cleaning cases skipped";

    public SeedFactAttribute()
    {
        if (!TestCorpus.SeedsPresent)
        {
            Skip = MissingReason;
        }
    }
}
