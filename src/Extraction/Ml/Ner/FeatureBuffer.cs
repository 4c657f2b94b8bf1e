using System.Text;

namespace Extraction.Ml.Ner;

/// <summary>
/// The features of one sentence as 64-bit keys (<see cref="FeatureHash"/> of each feature's name),
/// token by token, with the scratch space their extraction needs, reused from sentence to sentence
/// so tagging allocates nothing per token. With <c>recordNames</c> (training) it also keeps every
/// feature's name. Not thread-safe: one buffer per thread.
/// </summary>
public sealed class FeatureBuffer(bool recordNames = false)
{
    private readonly StringBuilder? _name = recordNames ? new StringBuilder(32) : null;
    private ulong[] _keys = new ulong[1024];
    private int[] _starts = new int[65];
    private int _count;
    private ulong _h;

    /// <summary>Number of tokens of the sentence.</summary>
    public int Tokens { get; private set; }

    /// <summary>The features' names in order (with <c>recordNames</c>), else null.</summary>
    public List<string>? Names { get; } = recordNames ? new List<string>(1024) : null;

    // Scratch per token, sized by Reset.
    internal char[] ShapeChars = new char[512];
    internal char[] LowerChars = new char[512];
    internal int[] LowerStart = new int[65];
    internal int[] ShapeStart = new int[64];
    internal int[] ShapeLength = new int[64];
    internal char[] Kind = new char[64];
    internal bool[] Gazetteer = new bool[64];
    internal string[]?[] Clusters = new string[]?[64];
    internal byte[] Flags = new byte[64];

    /// <summary>The keys of token i.</summary>
    public ReadOnlySpan<ulong> Of(int i) => _keys.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);

    /// <summary>Index of token i's first feature in <see cref="Names"/>.</summary>
    public int StartOf(int i) => _starts[i];

    internal void Reset(int n)
    {
        Tokens = n;
        _count = 0;
        Names?.Clear();
        if (_starts.Length < n + 1)
        {
            var size = Math.Max(n + 1, _starts.Length * 2);
            _starts = new int[size];
            ShapeStart = new int[size];
            LowerStart = new int[size];
            ShapeLength = new int[size];
            Kind = new char[size];
            Gazetteer = new bool[size];
            Clusters = new string[]?[size];
            Flags = new byte[size];
        }
    }

    internal void BeginToken(int i) => _starts[i] = _count;

    internal void EndSentence() => _starts[Tokens] = _count;

    internal void Begin(string template)
    {
        _h = FeatureHash.Add(FeatureHash.Empty, template);
        _name?.Clear().Append(template);
    }

    internal void Add(ReadOnlySpan<char> s)
    {
        _h = FeatureHash.Add(_h, s);
        _name?.Append(s);
    }

    internal void Add(char c)
    {
        _h = FeatureHash.Add(_h, c);
        _name?.Append(c);
    }

    internal void AddLower(ReadOnlySpan<char> s)
    {
        _h = FeatureHash.AddLower(_h, s);
        if (_name is not null)
        {
            foreach (var c in s)
            {
                _name.Append(char.ToLowerInvariant(c));
            }
        }
    }

    internal void End()
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[_count++] = _h;
        Names?.Add(_name!.ToString());
    }

    /// <summary>A feature that is its template alone ("b", "gaz").</summary>
    internal void Feature(string name)
    {
        Begin(name);
        End();
    }
}
