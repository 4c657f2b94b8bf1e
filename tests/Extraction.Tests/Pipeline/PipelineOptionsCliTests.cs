using Extraction.Tests.Support;

namespace Extraction.Tests.Pipeline;

/// <summary>A bad pipeline option is a usage error (exit 2) naming its flag, for any input, before anything is fetched or written.</summary>
public sealed class PipelineOptionsCliTests
{
    public static TheoryData<string, string, string> BadFlags => new()
    {
        { "--timeout", "0", "--timeout" },
        { "--total-timeout", "1", "--total-timeout" },
        { "--retries", "-1", "--retries" },
        { "--max-redirects", "99", "--max-redirects" },
        { "--max-bytes", "0", "--max-bytes" },
        { "--concurrency", "0", "--concurrency" },
        { "--per-host", "0", "--per-host" },
        { "--parallelism", "0", "--parallelism" },
        { "--user-agent", "Bot\nX: 1", "--user-agent" },
        { "--models", "/no/such/models/folder", "--models" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public async Task Run_FilesWithBadOption_ExitTwoNamingTheFlagAndWritingNothing(string flag, string value, string named)
    {
        using var dir = CliRunner.Temp();
        var input = dir.File("a.txt", "Titel\n\nDie Beispiel AG investiert 5 Millionen Euro in Bremen.\n");
        var outDir = Path.Combine(dir.Path, "out");

        var (code, _, err) = await CliRunner.Run("run", input, "--out", outDir, flag, value);

        Assert.Equal(2, code);
        Assert.Contains("invalid " + named, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Run_UrlWithZeroTimeout_ExitTwoNamingTimeout()
    {
        using var dir = CliRunner.Temp();

        var (code, _, err) = await CliRunner.Run("run", "http://127.0.0.1:9/artikel", "--out", Path.Combine(dir.Path, "out"), "--timeout", "0");

        Assert.Equal(2, code);
        Assert.StartsWith("extract run: invalid --timeout:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_BadOption_ExitTwoNamingTheFlag()
    {
        using var dir = CliRunner.Temp();
        var input = dir.File("a.txt", "Titel\n\nEin Absatz mit Text.\n");

        var (code, _, err) = await CliRunner.Run("clean", input, "--timeout", "0");

        Assert.Equal(2, code);
        Assert.StartsWith("extract clean: invalid --timeout:", err, StringComparison.Ordinal);
    }
}
