namespace Extraction.Corpus;

/// <summary>
/// SplitMix64: a tiny PRNG whose output is fixed by its definition, so a corpus stays byte-identical
/// for a seed across .NET versions and machines (System.Random's algorithm is not a contract).
/// </summary>
internal struct CorpusRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Mixes several values into one well-spread seed.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c = 0)
    {
        var r = new CorpusRandom(a ^ 0x9E3779B97F4A7C15UL);
        var x = r.NextULong() ^ b;
        r = new CorpusRandom(x);
        x = r.NextULong() ^ c;
        r = new CorpusRandom(x);
        return r.NextULong();
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, max).</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
}
