namespace Extraction.Output;

/// <summary>
/// Writes results that finish out of order as JSON Lines in input order, as soon as every earlier
/// one is in: a result waits only for its predecessors, so memory holds the results in flight, not
/// the whole run. <see cref="WaitForRoomAsync"/> bounds how far ahead of a slow input the others
/// may run, so one stalled download does not pile finished articles up in memory. Each file is written to a temporary name and renamed when the run completes, so a
/// reader never sees half a file. Thread-safe.
/// </summary>
public sealed class OrderedJsonlWriter<T> : IDisposable
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, T> _waiting = [];
    private readonly (string Path, string Temp, FileStream Stream)[] _files;
    private readonly Func<T, int, IEnumerable<byte[]>> _lines;
    private readonly Action<int, T>? _written;
    private int _next;
    private bool _done;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Opens the files; <paramref name="lines"/> gives, for a result and a file index, that file's
    /// lines as UTF-8 without the newline; <paramref name="written"/> is told when a result is on
    /// disk (to let go of its text).
    /// </summary>
    public OrderedJsonlWriter(IReadOnlyList<string> paths, Func<T, int, IEnumerable<byte[]>> lines, Action<int, T>? written = null)
    {
        _lines = lines;
        _written = written;
        _files = paths.Select(p =>
        {
            var full = Path.GetFullPath(p);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            return (full, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        }).ToArray();
    }

    /// <summary>Hands in result <paramref name="index"/> (0-based input position); null marks one with nothing to write.</summary>
    public void Add(int index, T? result)
    {
        lock (_gate)
        {
            _waiting[index] = result!;
            Drain();
        }
    }

    /// <summary>Writes what is left in order (skipping inputs that never finished) and publishes the files.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var index in _waiting.Keys.Order().ToList())
            {
                Write(index, _waiting[index]);
            }

            _waiting.Clear();
            foreach (var (path, temp, stream) in _files)
            {
                stream.Flush(flushToDisk: true);
                stream.Dispose();
                File.Move(temp, path, overwrite: true);
            }

            _done = true;
        }
    }

    /// <summary>
    /// Waits until result <paramref name="index"/> is fewer than <paramref name="window"/> places
    /// ahead of the first one not yet written. Every index must eventually be handed in (null for
    /// nothing), or the waiters behind it wait for cancellation.
    /// </summary>
    public async Task WaitForRoomAsync(int index, int window, CancellationToken ct)
    {
        while (true)
        {
            Task advanced;
            lock (_gate)
            {
                if (index - _next < window || _done)
                {
                    return;
                }

                advanced = _advanced.Task;
            }

            await advanced.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private void Drain()
    {
        var start = _next;
        while (_waiting.Remove(_next, out var result))
        {
            Write(_next, result);
            _next++;
        }

        if (_next != start)
        {
            var advanced = _advanced;
            _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            advanced.SetResult();
        }
    }

    private void Write(int index, T? result)
    {
        if (result is null)
        {
            return;
        }

        for (var f = 0; f < _files.Length; f++)
        {
            var stream = _files[f].Stream;
            foreach (var line in _lines(result, f))
            {
                stream.Write(line);
                stream.WriteByte((byte)'\n');
            }
        }

        _written?.Invoke(index, result);
    }

    /// <summary>Removes the temporary files of a run that did not complete.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            foreach (var (_, temp, stream) in _files)
            {
                stream.Dispose();
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            _done = true;
        }
    }
}
