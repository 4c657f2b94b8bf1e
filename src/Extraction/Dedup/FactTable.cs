using System.Text;
using Extraction.Model;

namespace Extraction.Dedup;

/// <summary>
/// The facts of a run, held for deduplication without holding them in memory: what grouping and
/// ordering need (claim key, value range, article, offset) stays in 56-byte entries, kept in
/// chunks (no doubling, no copy: records are built over a sorted index into them); the rest of each
/// fact (sentence, phrase, qualifier, names) goes to a spill file, read back one record at a time
/// when records are written. A run of 1,000,000 facts keeps about 56 MB here, whatever the
/// sentences weigh. Facts are added from one thread at a time.
/// </summary>
public sealed class FactTable : IDisposable
{
    /// <summary>One fact as grouping sees it; the ids index the table's string lists.</summary>
    internal struct Entry
    {
        public int Key;
        public int Article;
        public int Start;
        public decimal Min;
        public decimal Max;
        public long Offset;
    }

    private const int ChunkLength = 1 << 16;

    private readonly Func<Fact, string> _key;
    private readonly Stream _spill;
    private readonly BinaryWriter _writer;
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _slotIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _articleIds = new(StringComparer.Ordinal);
    private readonly List<Entry[]> _chunks = [];
    private readonly Lock _gate = new();
    private volatile bool _reading;

    // Taken once reading starts: FileStream.SafeFileHandle flushes and seeks (a system call) on every access.
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;

    // Facts are read back from several threads at once (records are built in parallel), each with its own window.
    [ThreadStatic]
    private static byte[]? t_window;

    /// <summary>A table whose spill file is a temporary file in <paramref name="spillFolder"/>, or memory when it is null.</summary>
    public FactTable(Func<Fact, string> key, string? spillFolder = null)
    {
        _key = key;
        if (spillFolder is null)
        {
            _spill = new MemoryStream();
        }
        else
        {
            var path = Path.Combine(spillFolder, $".facts-spill.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            _spill = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            if (!OperatingSystem.IsWindows())
            {
                // Unlinked at once, the file lives as long as the handle: a killed run leaves nothing behind.
                File.Delete(path);
            }
        }

        _writer = new BinaryWriter(_spill, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Facts added.</summary>
    public int Count { get; private set; }

    internal List<string> Keys { get; } = [];

    internal List<string> Slots { get; } = [];

    /// <summary>Per key id: the id of its slot (kind and currency, or unit and model).</summary>
    internal List<int> KeySlot { get; } = [];

    /// <summary>Per key id: whether its facts name an actor (keys without one hold only facts without).</summary>
    internal List<bool> KeyHasActor { get; } = [];

    internal List<string> Articles { get; } = [];

    /// <summary>Entry <paramref name="index"/> (in the order facts were added), by reference.</summary>
    internal ref Entry At(int index) => ref _chunks[index / ChunkLength][index % ChunkLength];

    /// <summary>Adds one fact.</summary>
    public void Add(Fact fact)
    {
        if (_reading)
        {
            throw new InvalidOperationException("facts cannot be added once records are being read back");
        }
        if (Count % ChunkLength == 0)
        {
            _chunks.Add(new Entry[ChunkLength]);
        }

        var keys = Keys.Count;
        var key = Id(_keyIds, Keys, _key(fact));
        if (key == keys)
        {
            KeySlot.Add(Id(_slotIds, Slots, Slot(fact)));
            KeyHasActor.Add(fact.Actor is not null);
        }

        _chunks[^1][Count % ChunkLength] = new Entry
        {
            Key = key,
            Article = Id(_articleIds, Articles, fact.Article),
            Start = fact.Start,
            Min = fact.Amount?.Min ?? fact.Count!.Min,
            Max = fact.Amount?.Max ?? fact.Count!.Max,
            Offset = _spill.Position,
        };
        Count++;
        Write(fact);
    }

    /// <summary>Adds facts.</summary>
    public void AddRange(IEnumerable<Fact> facts)
    {
        foreach (var f in facts)
        {
            Add(f);
        }
    }

    /// <summary>Ends adding: what was written is flushed, and facts may be read from any thread.</summary>
    internal void BeginReading()
    {
        lock (_gate)
        {
            if (!_reading)
            {
                _writer.Flush();
                _spill.Flush();
                _handle = (_spill as FileStream)?.SafeFileHandle;
                _reading = true;
            }
        }
    }

    /// <summary>The fact an entry stands for, as far as records need it (no confidence or explanation). Thread-safe once reading began.</summary>
    internal Fact Read(in Entry entry)
    {
        if (!_reading)
        {
            BeginReading();
        }

        // A small read at the fact's offset (a buffered stream would read 64 KB per seek); a fact
        // longer than the window is read again with a larger one.
        for (var size = 1024; ; size *= 2)
        {
            var n = ReadWindow(entry.Offset, size, out var window);
            var reader = new SpillReader(window.AsSpan(0, n));
            if (TryParse(ref reader, entry, out var fact))
            {
                return fact;
            }

            if (n < size)
            {
                throw new EndOfStreamException("the fact table's spill file ends inside a fact");
            }
        }
    }

    private int ReadWindow(long offset, int size, out byte[] window)
    {
        window = t_window is { } w && w.Length >= size ? w : t_window = new byte[Math.Max(size, 2048)];
        if (_handle is not null)
        {
            return RandomAccess.Read(_handle, window.AsSpan(0, size), offset);
        }

        var memory = (MemoryStream)_spill;
        var n = (int)Math.Min(size, memory.Length - offset);
        memory.GetBuffer().AsSpan((int)offset, n).CopyTo(window);
        return n;
    }

    // False when the window ends before the fact does.
    private bool TryParse(ref SpillReader r, in Entry entry, out Fact fact)
    {
        fact = null!;
        if (!r.TryByte(out var kindByte) || !r.TryOptional(out var actor) || !r.TryByte(out var qualifierByte))
        {
            return false;
        }

        var kind = (FactKind)kindByte;
        var qualifier = (Qualifier)qualifierByte;
        string? currency = null;
        if ((kind == FactKind.Investment && !r.TryOptional(out currency))
            || !r.TryOptional(out var unit) || !r.TryOptional(out var model) || !r.TryString(out var text) || !r.TryString(out var sentence))
        {
            return false;
        }

        var amount = kind == FactKind.Investment ? new Amount(entry.Min, entry.Max, currency, qualifier) : null;
        var count = kind == FactKind.Investment ? null : new Count((long)entry.Min, (long)entry.Max, qualifier);
        fact = new Fact(Articles[entry.Article], kind, actor, amount, count, unit, model, text!, sentence!, entry.Start, 0);
        return true;
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote (bytes, booleans, length-prefixed UTF-8 strings) from a window, telling when the window ends too soon.</summary>
    private ref struct SpillReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public bool TryByte(out byte value)
        {
            value = 0;
            if (_at >= _data.Length)
            {
                return false;
            }

            value = _data[_at++];
            return true;
        }

        public bool TryString(out string? value)
        {
            value = null;
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (!TryByte(out var b))
                {
                    return false;
                }

                if (shift > 28)
                {
                    throw new InvalidDataException("the fact table's spill file holds a bad string length");
                }

                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if (length > _data.Length - _at)
            {
                return false;
            }

            value = Encoding.UTF8.GetString(_data.Slice(_at, length));
            _at += length;
            return true;
        }

        public bool TryOptional(out string? value)
        {
            value = null;
            return TryByte(out var present) && (present == 0 || TryString(out value));
        }
    }

    // Kind and currency (or unit and model): the facts one fact without actor may be compared with.
    internal static string Slot(Fact f) => f.Kind == FactKind.Investment ? $"I|{f.Amount!.Currency}" : $"H|{f.Unit}|{f.HardwareModel}";

    private static int Id(Dictionary<string, int> ids, List<string> names, string name)
    {
        if (!ids.TryGetValue(name, out var id))
        {
            id = names.Count;
            ids[name] = id;
            names.Add(name);
        }

        return id;
    }

    private void Write(Fact f)
    {
        var w = _writer;
        w.Write((byte)f.Kind);
        WriteOptional(f.Actor);
        w.Write((byte)(f.Amount?.Qualifier ?? f.Count!.Qualifier));
        if (f.Kind == FactKind.Investment)
        {
            WriteOptional(f.Amount!.Currency);
        }

        WriteOptional(f.Unit);
        WriteOptional(f.HardwareModel);
        w.Write(f.Text);
        w.Write(f.Sentence);
    }

    private void WriteOptional(string? s)
    {
        _writer.Write(s is not null);
        if (s is not null)
        {
            _writer.Write(s);
        }
    }

    /// <summary>Closes and deletes the spill file.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _spill.Dispose();
    }
}
