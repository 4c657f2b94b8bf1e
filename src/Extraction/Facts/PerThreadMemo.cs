namespace Extraction.Facts;

/// <summary>
/// Remembered results of a pure function of a word, in a plain dictionary per thread: no locks or volatile reads,
/// and the ordinal string hash a <see cref="Dictionary{TKey, TValue}"/> given <see cref="StringComparer.Ordinal"/> uses
/// (it turns randomised only under a flood of collisions), where a shared concurrent dictionary hashes every look-up
/// the randomised way and cost more than the work it saved. A thread keeps the words of the memo it used last (per
/// value type): a pipeline has one lexicon, so a thread meets one memo; another memo in between starts it afresh.
/// At most <c>capacity</c> words are kept per thread; beyond that they are computed again.
/// </summary>
internal sealed class PerThreadMemo<TValue>(int capacity)
{
    [ThreadStatic]
    private static PerThreadMemo<TValue>? t_owner;

    [ThreadStatic]
    private static Dictionary<string, TValue>? t_map;

    /// <summary>The remembered value of <paramref name="word"/>, or the one <paramref name="compute"/> gives (then remembered while there is room).</summary>
    public TValue Get<TState>(string word, TState state, Func<string, TState, TValue> compute)
    {
        if (!ReferenceEquals(t_owner, this) || t_map is null)
        {
            t_owner = this;
            t_map = new Dictionary<string, TValue>(StringComparer.Ordinal);
        }

        var map = t_map;
        if (map.TryGetValue(word, out var value))
        {
            return value;
        }

        value = compute(word, state);
        if (map.Count < capacity)
        {
            map[word] = value;
        }

        return value;
    }
}
