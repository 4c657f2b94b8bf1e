using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Extraction.Fetch;
using Extraction.Pipeline;
using Extraction.Tests.Clean;

namespace Extraction.Tests.Pipeline;

/// <summary>Runs alone: the 50 MB test measures allocations, which parallel tests would blur.</summary>
[CollectionDefinition(nameof(BadInputsRunAlone), DisableParallelization = true)]
public sealed class BadInputsRunAlone;

/// <summary>
/// Bad inputs through resolve, fetch and clean, and through the CLI: each is reported with its name
/// and reason, the rest of the batch completes, the exit code is 1, and nothing hangs.
/// </summary>
[Collection(nameof(BadInputsRunAlone))]
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("extract-bad-inputs-").FullName;

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string EmptyFile() => Write("empty.html", []);

    private string BinaryRenamedHtml()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        png.CopyTo(bytes, 0);
        return Write("image.html", bytes);
    }

    private string FiftyMegabytePage()
    {
        var path = Path.Combine(_dir, "huge.html");
        using var stream = new StreamWriter(path, append: false, Encoding.UTF8);
        stream.Write("<!doctype html><html><head><meta charset=\"utf-8\"><title>Groß</title></head><body><article>");
        var paragraph = "<p>Der Konzern investiert rund zehn Milliarden Euro in ein neues Rechenzentrum für künstliche Intelligenz.</p>\n";
        for (long written = 0; written < 50L * 1024 * 1024; written += paragraph.Length)
        {
            stream.Write(paragraph);
        }

        stream.Write("</article></body></html>");
        return path;
    }

    private string DeepHtml(int depth, string name = "deep.html")
    {
        var sb = new StringBuilder("<!doctype html><html><body>", (depth * 11) + 400);
        sb.Insert(sb.Length, "<div>", depth);
        sb.Append("<p>Ganz unten steht ein Absatz mit genug Wörtern, damit er als echter Text gilt und nicht als Rest einer Navigation.</p>");
        sb.Insert(sb.Length, "</div>", depth);
        sb.Append("</body></html>");
        return Write(name, sb.ToString());
    }

    // High bytes only, with spaces: no NUL or control bytes for the sniffer, invalid UTF-8 throughout.
    private string GarbledBytes()
    {
        var random = new Random(11);
        var bytes = new byte[8192];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = i % 7 == 6 ? (byte)' ' : (byte)random.Next(0xA1, 0x100);
        }

        return Write("garbled.txt", bytes);
    }

    // A good UTF-8 article with a few broken sequences in it.
    private string BrokenUtf8()
    {
        var good = Encoding.UTF8.GetBytes(
            "Der Freistaat fördert den Bau einer Chipfabrik in Dresden mit rund zehn Milliarden Euro, teilte das Ministerium für Wirtschaft mit. ");
        byte[] broken = [0xC3, 0x20, 0xFF, 0xFE, 0x20, 0xE2, 0x82];
        var more = Encoding.UTF8.GetBytes(" Die Produktion soll im Jahr 2027 anlaufen, rund 2.000 Menschen sollen dort künftig arbeiten und Chips für Autos fertigen.\n");
        return Write("broken-utf8.txt", [.. good, .. broken, .. more]);
    }

    private string UnknownExtension() => Write("notes.xyz", "Ein Text mit einer Endung, die kein Artikel ist.");

    private string MissingPath() => Path.Combine(_dir, "missing.html");

    private string GoodArticle() => Write("good.txt", File.ReadAllBytes(Path.Combine(TestCorpus.SamplesDir, "11_technikwelt_kanada_ki_cloud.txt")));

    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.Create(new PipelineOptions { UseModel = false, Parallelism = 1 }));

    /// <summary>Resolves one path and runs the article path up to cleaning; the failure, or null when it was cleaned.</summary>
    private static async Task<(InputFailure? Failure, Model.Article? Article, string? Encoding)> ProcessAsync(string path)
    {
        var (items, failures) = InputResolver.Resolve([path]);
        if (failures.Count > 0)
        {
            return (failures[0], null, null);
        }

        var outcome = await Pipeline.Value.ProcessAsync(Assert.Single(items), CancellationToken.None, ArticleStep.Clean).WaitAsync(NoHang);
        return (outcome.Failure, outcome.Article, outcome.Encoding);
    }

    private static async Task<string> AssertFailsAsync(string path, string reasonPart, FailureKind kind)
    {
        var (failure, _, _) = await Task.Run(() => ProcessAsync(path)).WaitAsync(NoHang);
        Assert.NotNull(failure);
        Assert.EndsWith(Path.GetFileName(path), failure.Input, StringComparison.Ordinal);
        Assert.Contains(reasonPart, failure.Reason, StringComparison.Ordinal);
        Assert.Equal(kind, failure.Kind);
        return failure.Reason;
    }

    [Fact]
    public Task Process_EmptyFile_ReportsEmpty() => AssertFailsAsync(EmptyFile(), "empty file", FailureKind.Fetch);

    [Fact]
    public Task Process_WhitespaceOnlyFile_ReportsEmpty() => AssertFailsAsync(Write("blank.txt", " \n\t\r\n "), "empty file (whitespace only)", FailureKind.Fetch);

    [Fact]
    public Task Process_BinaryFileRenamedHtml_ReportsWhatItIs() => AssertFailsAsync(BinaryRenamedHtml(), "a PNG image, not a text or HTML page", FailureKind.Fetch);

    [Fact]
    public Task Process_RandomBytesRenamedHtml_ReportsBinary() =>
        AssertFailsAsync(Write("random.html", Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 256)).ToArray()), "binary content", FailureKind.Fetch);

    [Fact]
    public async Task Process_FiftyMegabytePage_RefusedWithoutReadingItInto8Megabytes()
    {
        // What "refused quickly" means is checked without a clock: the 50 MB are never read into memory
        // (the bound is below the 10 MB limit, so a fetcher that read up to the limit and then gave up fails too).
        var path = FiftyMegabytePage();
        _ = Pipeline.Value; // built before the allocations are counted
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var reason = await AssertFailsAsync(path, "file too large", FailureKind.Fetch);

        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.True(used < 8 * 1024 * 1024, $"allocated {used} bytes to refuse a 50 MB file");
        Assert.Contains("limit 10485760", reason, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Fetch_EndlessDeviceOfSizeZero_RefusedAtTheLimit()
    {
        // /dev/zero reports size 0 and never ends: the bounded read stops at the limit.
        var fetcher = new FileFetcher(maxBytes: 1024);
        var outcome = await fetcher.FetchAsync(new InputItem("zero.html", "/dev/zero", InputKind.File), CancellationToken.None).WaitAsync(NoHang);

        Assert.NotNull(outcome.Failure);
        Assert.Contains("file too large", outcome.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_HtmlNested100000Deep_ReportsNesting()
    {
        // No stopwatch: the time it takes is a benchmark's business; the test holds that it ends (AssertFailsAsync's
        // guard against a hang) with the reason, not with a stack overflow that would end the batch.
        var path = DeepHtml(100_000);

        await AssertFailsAsync(path, "HTML nested too deeply", FailureKind.Clean);
    }

    [Fact]
    public async Task Process_HtmlNestedJustUnderTheLimit_CleansWithoutCrashing()
    {
        var (failure, article, _) = await ProcessAsync(DeepHtml(Extraction.Clean.HtmlReader.MaxDepth - 10, "deep-ok.html"));

        Assert.Null(failure);
        Assert.Contains("Ganz unten steht ein Absatz", article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public Task Process_GarbledInvalidUtf8_ReportsGarbled() => AssertFailsAsync(GarbledBytes(), "text is garbled", FailureKind.Clean);

    [Fact]
    public async Task Process_MostlyUtf8WithInvalidBytes_CleansWithoutMojibakeAndSaysSo()
    {
        var (failure, article, encoding) = await ProcessAsync(BrokenUtf8());

        Assert.Null(failure);
        Assert.Contains("fördert den Bau", article!.Text, StringComparison.Ordinal);
        Assert.Contains("künftig arbeiten", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ã", article.Text, StringComparison.Ordinal);
        Assert.Equal("utf-8 (detected; 4 invalid byte sequences replaced)", encoding);
    }

    [Fact]
    public Task Process_UnknownExtension_ReportsUnsupportedType() => AssertFailsAsync(UnknownExtension(), "unsupported file type '.xyz'", FailureKind.Input);

    [Fact]
    public Task Process_MissingPath_ReportsNoSuchFile() => AssertFailsAsync(MissingPath(), "no such file or folder", FailureKind.Input);

    [UnreadableFileFact]
    public async Task Process_UnreadableFile_ReportsCannotRead()
    {
        var path = Write("locked.html", "<p>geheim</p>");
        if (OperatingSystem.IsWindows())
        {
            return; // the attribute has skipped the test already
        }

        File.SetUnixFileMode(path, UnixFileMode.None);

        await AssertFailsAsync(path, "cannot read file", FailureKind.Fetch);
    }

    [NamedPipeFact]
    public async Task Process_NamedPipeWithoutWriter_RefusedWithoutWaiting()
    {
        // Opening a FIFO for reading waits for a writer: without the check this would hang (the
        // fetch runs on its own task so that a regression fails after NoHang instead).
        var path = Path.Combine(_dir, "pipe.html");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (failure, _, _) = await Task.Run(() => ProcessAsync(path)).WaitAsync(NoHang);

        Assert.NotNull(failure);
        Assert.Equal("not a regular file (a named pipe or socket), which would wait for a writer", failure.Reason);
    }

    [Fact]
    public async Task Run_BatchWithBadInputs_ReportsEachByNameWritesTheRestAndExitsOne()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.GetFileName(EmptyFile())] = "empty file",
            [Path.GetFileName(BinaryRenamedHtml())] = "a PNG image",
            [Path.GetFileName(FiftyMegabytePage())] = "file too large",
            [Path.GetFileName(DeepHtml(100_000))] = "HTML nested too deeply",
            [Path.GetFileName(GarbledBytes())] = "text is garbled",
            [Path.GetFileName(UnknownExtension())] = "unsupported file type",
            [Path.GetFileName(MissingPath())] = "no such file or folder",
        };
        var good = GoodArticle();
        var broken = BrokenUtf8();
        var outDir = Path.Combine(_dir, "out");
        var inputs = expected.Keys.Select(n => Path.Combine(_dir, n)).Append(good).Append(broken).ToArray();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await Extraction.Cli.Cli.MainAsync(["run", .. inputs, "--out", outDir], stdout, stderr).WaitAsync(NoHang);

        Assert.Equal(1, exit);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json")));
        var failures = run.RootElement.GetProperty("failures").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("input").GetString()!), f => f.GetProperty("reason").GetString()!);
        foreach (var (name, reason) in expected)
        {
            Assert.True(failures.TryGetValue(name, out var actual), $"{name} not among the failures in run.json: {string.Join(", ", failures.Keys)}");
            Assert.Contains(reason, actual, StringComparison.Ordinal);
            Assert.Contains($"{name}: {reason}", stderr.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(expected.Count, failures.Count);
        var written = File.ReadAllLines(Path.Combine(outDir, "articles.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article").GetString())
            .ToList();
        Assert.Equal([Path.GetFileName(broken), Path.GetFileName(good)], written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CleanCommand_DeeplyNestedPage_ExitsOneNamingFileAndReason()
    {
        var path = DeepHtml(100_000);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await Extraction.Cli.Cli.MainAsync(["clean", path], stdout, stderr).WaitAsync(NoHang);

        Assert.Equal(1, exit);
        Assert.Contains("deep.html: HTML nested too deeply", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }
}

/// <summary>A fact that needs a Unix file system (/dev/zero, file modes); skipped with the reason elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system";
        }
    }
}

/// <summary>
/// A fact that needs chmod 000 to block reads: skipped with the reason on Windows and when the tests
/// run as root (or with CAP_DAC_OVERRIDE), where a mode of 000 does not stop the owner reading.
/// </summary>
/// <summary>Runs where named pipes are refused by the file fetcher (Linux; mkfifo makes them).</summary>
public sealed class NamedPipeFactAttribute : FactAttribute
{
    public NamedPipeFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "named pipes are checked for on Linux only";
        }
    }
}

public sealed class UnreadableFileFactAttribute : FactAttribute
{
    public UnreadableFileFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "unreadable-file case needs Unix file modes";
            return;
        }

        var probe = Path.Combine(Path.GetTempPath(), "extract-chmod-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "x");
            File.SetUnixFileMode(probe, UnixFileMode.None);
            using (File.OpenRead(probe))
            {
                Skip = "tests run as root (or with CAP_DAC_OVERRIDE): chmod 000 does not block reads, so the unreadable-file case cannot be staged";
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Reads are blocked: the test can run.
        }
        finally
        {
            File.SetUnixFileMode(probe, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Delete(probe);
        }
    }
}
