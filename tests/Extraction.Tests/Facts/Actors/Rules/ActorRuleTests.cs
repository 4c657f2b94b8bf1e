using Extraction.Facts.Actors.Rules;

namespace Extraction.Tests.Facts.Actors.Rules;

public sealed class ActorRuleTests
{
    // The shipped actor model's features read these keys ("chosen-by=KEY"): renaming one changes its input.
    [Theory]
    [InlineData(ActorRuleId.NearestBefore, "before")]
    [InlineData(ActorRuleId.NearestAfter, "after")]
    [InlineData(ActorRuleId.SourcePhrase, "source")]
    [InlineData(ActorRuleId.Subsidy, "subsidy")]
    [InlineData(ActorRuleId.FundingRound, "round")]
    [InlineData(ActorRuleId.PreviousSentence, "previous")]
    [InlineData(ActorRuleId.Protagonist, "protagonist")]
    [InlineData(ActorRuleId.None, "none")]
    [InlineData(ActorRuleId.BackReference, "coref")]
    [InlineData(ActorRuleId.BackReferenceCompany, "coref-company")]
    [InlineData(ActorRuleId.Jeweils, "other")]
    public void Key_IsTheModelsFeatureName(ActorRuleId id, string key) => Assert.Equal(key, new ActorRule(id, 2).Key);

    [Fact]
    public void Text_NamesHowFarBack_KeyDoesNot()
    {
        var rule = new ActorRule(ActorRuleId.BackReferenceCompany, 3);

        Assert.Equal("back-reference (company) to 3 sentence(s) before", rule.Text);
        Assert.False(rule.Overridable);
        Assert.False(rule.IsStrong);
        Assert.True(new ActorRule(ActorRuleId.SourcePhrase).IsStrong);
    }
}
