using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Store;
using Extraction.Tests.Store;

namespace Extraction.Tests.Pipeline;

public sealed class StoreCommitterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ArticleCommit Failed(string id) =>
        new(new RunArticle(id, null, null, ArticleStatus.Failed, "404", null, TimeSpan.Zero), null, [], null);

    [Fact]
    public async Task CompleteAsync_AfterMany_AllCommittedAndEachReportedOnce()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var run = store.StartRun("v", "k", "{}", false, null);
        var committer = new StoreCommitter(store, run);
        var reported = 0;

        for (var i = 0; i < 500; i++)
        {
            await committer.AddAsync(PreparedCommit.Of(Failed($"{i}.txt")), () => Interlocked.Increment(ref reported));
        }

        await committer.CompleteAsync();

        Assert.Equal(500, reported);
        Assert.Equal(500, store.RunArticles(run).Count);
    }

    [Fact]
    public async Task AddAsync_AfterACommitFailed_ThrowsInsteadOfWaiting()
    {
        using var store = RunStore.Open(_dir["s.db"], TimeProvider.System);
        var run = store.StartRun("v", "k", "{}", false, null);
        var committer = new StoreCommitter(store, run);

        // A processed entry without its article is refused by the store.
        var broken = new ArticleCommit(new RunArticle("x.txt", "abc", ArticleChange.New, ArticleStatus.Processed, null, null, TimeSpan.Zero), null, [], null);
        await committer.AddAsync(PreparedCommit.Of(broken), null);
        var more = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await committer.AddAsync(PreparedCommit.Of(Failed($"{i}.txt")), null);
            }
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => more.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.IsNotType<TimeoutException>(error);
        await Assert.ThrowsAsync<ArgumentException>(committer.CompleteAsync);
    }
}
