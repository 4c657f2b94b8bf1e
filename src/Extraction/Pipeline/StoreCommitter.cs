using System.Threading.Channels;
using Extraction.Store;

namespace Extraction.Pipeline;

/// <summary>
/// Commits finished articles to the run store from one thread, everything that arrived since the
/// last commit in one transaction: workers hand an article in and go on, and a transaction costs
/// the same for one article as for a hundred. An article's "done" callback (the progress line)
/// runs only once its commit is through, so what progress reports is in the store. The queue is
/// bounded; a store error ends the run with that error.
/// </summary>
internal sealed class StoreCommitter
{
    // A batch is what queued while the previous one was written. The queue is short, so workers
    // stay at most a few dozen articles ahead of the store and progress (and Ctrl+C) stays prompt.
    private const int MaxBatch = 64;
    private const int QueueLength = 24;

    private readonly RunStore _store;
    private readonly long _runId;
    private readonly Channel<(PreparedCommit Commit, Action? Done)> _queue =
        Channel.CreateBounded<(PreparedCommit, Action?)>(new BoundedChannelOptions(QueueLength) { SingleReader = true });

    private readonly Task _loop;

    public StoreCommitter(RunStore store, long runId)
    {
        _store = store;
        _runId = runId;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Stopwatch ticks spent in commits.</summary>
    public long BusyTicks { get; private set; }

    /// <summary>Queues one article; waits only while the queue is full.</summary>
    public ValueTask AddAsync(PreparedCommit commit, Action? done) =>
        _queue.Writer.WriteAsync((commit, done), CancellationToken.None);

    /// <summary>Commits what is queued and stops; throws the store's error if a commit failed.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task LoopAsync()
    {
        var batch = new List<(PreparedCommit Commit, Action? Done)>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                _store.CommitArticles(_runId, batch.ConvertAll(b => b.Commit));
                BusyTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
                foreach (var (_, done) in batch)
                {
                    done?.Invoke();
                }

                batch.Clear();
            }
        }
        catch (Exception ex)
        {
            // Writers waiting on a full queue get the error instead of waiting for ever.
            _queue.Writer.TryComplete(ex);
            throw;
        }
    }
}
