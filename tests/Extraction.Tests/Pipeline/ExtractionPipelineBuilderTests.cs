using Extraction.Tests.Support;
using Extraction.Clean;
using Extraction.Facts;
using Extraction.Facts.Actors;
using Extraction.Fetch;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Text;

namespace Extraction.Tests.Pipeline;

/// <summary>The builder: every option checked by Build() whatever the inputs, and stages replaced by registration.</summary>
public sealed class ExtractionPipelineBuilderTests
{
    private static readonly PipelineOptions Good = new() { UseModel = false, Parallelism = 1 };

    /// <summary>One bad value per option; the case name starts with the option path the error must name.</summary>
    private static readonly Dictionary<string, PipelineOptions> InvalidCases = new()
    {
        ["Parallelism zero"] = Good with { Parallelism = 0 },
        ["Parallelism negative"] = Good with { Parallelism = -3 },
        ["Parallelism above the limit"] = Good with { Parallelism = 5000 },
        ["ModelsFolder missing"] = Good with { ModelsFolder = Path.Combine(Path.GetTempPath(), "extract-no-such-models-" + Guid.NewGuid().ToString("N")) },
        ["MaxFileBytes zero"] = Good with { MaxFileBytes = 0 },
        ["MaxFileBytes above an array"] = Good with { MaxFileBytes = (long)Array.MaxLength + 1 },
        ["Http.AttemptTimeout zero"] = Good with { Http = new HttpFetchOptions { AttemptTimeout = TimeSpan.Zero } },
        ["Http.TotalTimeout below AttemptTimeout"] = Good with { Http = new HttpFetchOptions { TotalTimeout = TimeSpan.FromSeconds(1) } },
        ["Http.MaxRetries negative"] = Good with { Http = new HttpFetchOptions { MaxRetries = -1 } },
        ["Http.RetryBaseDelay negative"] = Good with { Http = new HttpFetchOptions { RetryBaseDelay = TimeSpan.FromSeconds(-1) } },
        ["Http.MaxRetryAfter negative"] = Good with { Http = new HttpFetchOptions { MaxRetryAfter = TimeSpan.FromSeconds(-1) } },
        ["Http.MaxRedirects above the limit"] = Good with { Http = new HttpFetchOptions { MaxRedirects = 51 } },
        ["Http.MaxResponseBytes zero"] = Good with { Http = new HttpFetchOptions { MaxResponseBytes = 0 } },
        ["Http.MaxConcurrency zero"] = Good with { Http = new HttpFetchOptions { MaxConcurrency = 0 } },
        ["Http.MaxConcurrencyPerHost zero"] = Good with { Http = new HttpFetchOptions { MaxConcurrencyPerHost = 0 } },
        ["Http.CircuitBreakerFailures one"] = Good with { Http = new HttpFetchOptions { CircuitBreakerFailures = 1 } },
        ["Http.CircuitBreakDuration too short"] = Good with { Http = new HttpFetchOptions { CircuitBreakDuration = TimeSpan.FromMilliseconds(10) } },
        ["Http.HostDelay negative"] = Good with { Http = new HttpFetchOptions { HostDelay = TimeSpan.FromSeconds(-1) } },
        ["Http.UserAgent with a line break"] = Good with { Http = new HttpFetchOptions { UserAgent = "Bot\nX: 1" } },
        ["Http.RobotsProductToken with a space"] = Good with { Http = new HttpFetchOptions { RobotsProductToken = "Extraction Bot" } },
    };

    public static TheoryData<string> InvalidCaseNames => new(InvalidCases.Keys);

    [Theory]
    [MemberData(nameof(InvalidCaseNames))]
    public void Build_InvalidOption_ThrowsNamingIt(string invalidCase)
    {
        var error = Assert.Throws<PipelineOptionException>(() => new ExtractionPipelineBuilder(InvalidCases[invalidCase]).Build());

        Assert.Equal(invalidCase.Split(' ')[0], error.Option);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Build_EveryHttpOptionOfTheValidator_HasACase()
    {
        // A new HTTP option with a limit needs a case here (and a flag in the CLI's table when it has one).
        var covered = InvalidCases.Keys.Select(k => k.Split(' ')[0]).Where(k => k.StartsWith("Http.", StringComparison.Ordinal)).Select(k => k["Http.".Length..]).ToHashSet();
        var all = typeof(HttpFetchOptions).GetProperties().Select(p => p.Name).Where(n => n != nameof(HttpFetchOptions.RespectRobots));

        Assert.Equal([], all.Where(n => !covered.Contains(n)).ToArray());
    }

    [Fact]
    public void Build_DefaultOptions_DecidesByRulesAlone()
    {
        // No trained model beat the rules in cross-validation on the real articles, so none is
        // embedded: the default pipeline decides by rules and says so in its version.
        using var pipeline = new ExtractionPipelineBuilder().Build();

        Assert.Null(pipeline.FactModel);
        Assert.Contains("rules-only", pipeline.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ModelsFolderWithTheTrainedModel_UsesIt()
    {
        using var pipeline = new ExtractionPipelineBuilder(new PipelineOptions { ModelsFolder = Path.Combine(Repo.Root, "models", "ml") }).Build();

        Assert.NotNull(pipeline.FactModel);
        Assert.DoesNotContain("rules-only", pipeline.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseFetcher_ForFiles_ReplacesTheFileFetcher()
    {
        var text = "Ein Rechenzentrum in Hessen.\n\nDie Firma Beispiel AG investiert 20 Millionen Euro in ein neues Rechenzentrum in Hessen.\n"u8.ToArray();
        using var pipeline = new ExtractionPipelineBuilder(Good)
            .UseFetcher(InputKind.File, _ => new BytesFetcher(text))
            .Build();

        var outcome = await pipeline.ProcessAsync(new InputItem("a.txt", "/nowhere/a.txt", InputKind.File), CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Contains("20 Millionen Euro", outcome.Article!.Text, StringComparison.Ordinal);
        Assert.Contains(outcome.Facts, f => f.Amount?.Min == 20_000_000m);
    }

    [Fact]
    public void UseScorer_ACustomScorer_IsHandedToTheExtractorAndNamedInTheVersion()
    {
        var scorer = new ConstantScorer();
        IFactScorer? seen = null;
        using var pipeline = new ExtractionPipelineBuilder(Good)
            .UseScorer(_ => scorer)
            .UseFactExtractor((r, s) =>
            {
                seen = s;
                return new FactExtractor(r.Actors, r.Cues, s);
            })
            .Build();

        Assert.Same(scorer, seen);
        Assert.Same(scorer, pipeline.Extractor.Scorer);
        Assert.EndsWith("model " + nameof(ConstantScorer), pipeline.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void UseCleaner_IsCalledWithTheLoadedResources()
    {
        PipelineResources? given = null;
        using var pipeline = new ExtractionPipelineBuilder(Good)
            .UseCleaner(r =>
            {
                given = r;
                return new ArticleCleaner(BoilerplateRules.Load(r.Models));
            })
            .Build();

        Assert.NotNull(given);
        Assert.Same(pipeline.Actors, given.Actors);
        Assert.Equal(Good, given.Options);
    }

    [Fact]
    public void ConfigureFacts_AnActorSource_PlugsIntoTheDefaultExtractor()
    {
        var article = new Article("t.txt", "", "Mostwerk investiert 40 Millionen Euro in eine neue Kelterei.", 0);
        var source = new OneWordSource("Mostwerk");
        using var extended = new ExtractionPipelineBuilder(Good)
            .ConfigureFacts((facts, _) => facts.AddActorSource(source))
            .Build();

        Assert.Equal("Mostwerk", Assert.Single(extended.Extractor.Extract(article)).Actor);
        Assert.True(source.Calls > 0, "the registered source was never asked");
    }

    // A stand-in recogniser: one word is an organisation.
    private sealed class OneWordSource(string word) : IActorCandidateSource
    {
        public int Calls { get; private set; }

        public void Find(string text, List<Token> tokens, List<ActorMention> found)
        {
            Calls++;
            for (var k = 0; k < tokens.Count; k++)
            {
                if (tokens[k].Text == word)
                {
                    found.Add(new ActorMention(k, k, tokens[k].Start, tokens[k].End, word, word, "org"));
                }
            }
        }
    }

    private sealed class BytesFetcher(byte[] content) : IDocumentFetcher
    {
        public Task<FetchOutcome> FetchAsync(InputItem item, CancellationToken cancellationToken) =>
            Task.FromResult(FetchOutcome.Ok(new FetchedDocument(item, content, DocumentFormat.Text, null, null)));
    }

    private sealed class ConstantScorer : IFactScorer
    {
        public (double Probability, IReadOnlyList<string> Top) Score(IReadOnlyList<string> features) => (0.9, []);
    }
}
