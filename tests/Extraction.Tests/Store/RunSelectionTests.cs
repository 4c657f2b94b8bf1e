using Extraction.Store;

namespace Extraction.Tests.Store;

/// <summary>Which stored run diff and export read: by id, or the last completed one, and never one that did not finish.</summary>
public sealed class RunSelectionTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly StoredRun[] Runs =
    [
        Run(1, RunStatus.Done),
        Run(2, RunStatus.Done),
        Run(3, RunStatus.Cancelled),
        Run(4, RunStatus.Done),
        Run(5, RunStatus.Abandoned),
        Run(6, RunStatus.Running),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(6)]
    public void ById_KnownId_ThatRun(long id) =>
        Assert.Same(Runs[id - 1], RunSelection.ById(Runs, id, "/data/runs.db"));

    [Fact]
    public void ById_UnknownId_ThrowsNamingStoreAndItsRuns()
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSelection.ById(Runs, 9, "/data/runs.db"));

        Assert.Equal("/data/runs.db has no run 9 (runs: 1, 2, 3, 4, 5, 6)", ex.Message);
    }

    [Fact]
    public void ById_EmptyStore_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSelection.ById([], 1, "/data/runs.db"));

        Assert.Equal("/data/runs.db has no run 1 (runs: )", ex.Message);
    }

    [Theory]
    [InlineData(null, 4L)]
    [InlineData(6L, 4L)]
    [InlineData(4L, 2L)]
    [InlineData(3L, 2L)]
    [InlineData(2L, 1L)]
    [InlineData(1L, null)]
    public void LastDone_OnlyCompletedRunsBeforeTheGivenOne(long? before, long? expected) =>
        Assert.Equal(expected, RunSelection.LastDone(Runs, before)?.Id);

    [Fact]
    public void LastDone_NoCompletedRun_Null() =>
        Assert.Null(RunSelection.LastDone([Run(1, RunStatus.Running), Run(2, RunStatus.Cancelled)]));

    [Theory]
    [InlineData(RunStatus.Running, "running")]
    [InlineData(RunStatus.Abandoned, "abandoned")]
    public void EnsureFinished_RunThatDidNotFinish_ThrowsSayingWhy(RunStatus status, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSelection.EnsureFinished(Run(7, status), "/data/runs.db", "diff"));

        Assert.Equal($"run 7 in /data/runs.db did not finish ({name}); it has no records to diff", ex.Message);
    }

    [Theory]
    [InlineData(RunStatus.Done)]
    [InlineData(RunStatus.Cancelled)]
    public void EnsureFinished_DoneOrCancelled_Accepted(RunStatus status) =>
        RunSelection.EnsureFinished(Run(7, status), "/data/runs.db", "export");

    private static StoredRun Run(long id, RunStatus status) =>
        new(id, T.AddHours(id), status == RunStatus.Running ? null : T.AddHours(id).AddMinutes(5), status, "1.0", "key", "[]", false, null, null);
}
