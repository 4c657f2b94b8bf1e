using Extraction.Cli;
using Extraction.Tests.Store;

namespace Extraction.Tests.Cli;

/// <summary>`extract schedule`: the same run in-process on a Quartz schedule.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Schedule_OnceNow_RunsJobAndReturnsItsExitCode()
    {
        var corpus = StoreTestSupport.CopySamples(_dir["in"]);

        var (code, stdout, _) = await StoreTestSupport.Cli("schedule", "--once-now", "--", "run", corpus, "--out", _dir["out"]);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_dir["out"], "records.jsonl")));
        Assert.Contains("run 1 finished: exit 0 (ok)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("30 4 * * 1-5")]
    [InlineData("0 0 3 * * ?")]
    public void TryCron_CrontabOrQuartzSyntax_Parses(string expression)
    {
        Assert.True(ScheduleCommand.TryCron(expression, out var parsed, out _));
        Assert.NotNull(parsed!.GetNextValidTimeAfter(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("schedule|--cron|0 3 * * *")]
    [InlineData("schedule|--cron|0 3 * * *|--|clean|x.html")]
    [InlineData("schedule|--|run|samples|--out|o")]
    [InlineData("schedule|--cron|not a cron|--|run|samples|--out|o")]
    [InlineData("schedule|--cron|0 3 * * *|--|run|samples")]
    public async Task Schedule_BadArguments_UsageError(string args)
    {
        var (code, _, stderr) = await StoreTestSupport.Cli(args.Split('|'));

        Assert.Equal(2, code);
        Assert.StartsWith("extract", stderr, StringComparison.Ordinal);
    }
}
