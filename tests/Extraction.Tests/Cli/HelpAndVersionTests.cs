using Extraction.Tests.Support;

namespace Extraction.Tests.Cli;

public sealed class HelpAndVersionTests
{
    /// <summary>Every command the CLI has, read from the command tree, so a new command without examples fails here.</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var name in CommandNames())
        {
            data.Add(name);
        }

        return data;
    }

    private static IEnumerable<string> CommandNames()
    {
        // The root's help lists the commands; parse them from there rather than keep a second list.
        using var stdout = new StringWriter();
        Extraction.Cli.Cli.MainAsync(["--help"], stdout, TextWriter.Null).GetAwaiter().GetResult();
        var text = stdout.ToString();
        var commands = text[(text.IndexOf("Commands:", StringComparison.Ordinal) + "Commands:".Length)..];
        commands = commands[..commands.IndexOf("Examples:", StringComparison.Ordinal)];
        return commands.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]);
    }

    [Fact]
    public void Commands_ReadFromTheRootHelp()
    {
        var names = CommandNames().ToList();

        Assert.Contains("run", names);
        Assert.Contains("export", names);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_ShowsExamplesOfItself(string command)
    {
        var (code, stdout, stderr) = await CliRunner.Run(command, "--help");

        Assert.True(code == 0, stderr);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        var examples = stdout[stdout.IndexOf("Examples:", StringComparison.Ordinal)..];
        Assert.Contains($"  extract {command} ", examples, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_RequiredOptionMissing_StillPrintsHelp()
    {
        var (code, stdout, _) = await CliRunner.Run("eval", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--gold", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsVersionAndEveryFileOfModelsFolder()
    {
        var (code, stdout, _) = await CliRunner.Run("--version");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^extract [0-9]+\.[0-9]+\.[0-9]+", lines[0]);

        // models/ is embedded by a glob: every file there (README aside) ships and is listed with its hash.
        var models = Path.Combine(Repo.Root, "models");
        var files = Directory.GetFiles(models, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetRelativePath(models, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        var listed = lines.Where(l => l.Contains(" sha256 ", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(files, listed);
    }
}
