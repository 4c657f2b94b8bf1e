namespace Extraction.Clean;

/// <summary>
/// The blocks with what the passes ask of each line made once: its marker key and whether it is
/// prose (every pass asks again, and a page has hundreds of lines).
/// </summary>
internal sealed class BlockLines(IReadOnlyList<Block> blocks)
{
    private const byte Keyed = 1;
    private const byte Judged = 2;
    private const byte IsProseLine = 4;

    private readonly string?[] _keys = new string?[blocks.Count];
    private readonly byte[] _state = new byte[blocks.Count];

    public IReadOnlyList<Block> Blocks => blocks;

    public int Count => blocks.Count;

    public string Text(int i) => blocks[i].Text;

    /// <summary>The line's <see cref="BoilerplateRules.MarkerKey"/>.</summary>
    public string? Key(int i)
    {
        if ((_state[i] & Keyed) == 0)
        {
            _keys[i] = BoilerplateRules.MarkerKey(blocks[i].Text);
            _state[i] |= Keyed;
        }

        return _keys[i];
    }

    /// <summary><see cref="ProseShape.IsProse"/> of the line.</summary>
    public bool Prose(int i)
    {
        if ((_state[i] & Judged) == 0)
        {
            _state[i] |= (byte)(Judged | (ProseShape.IsProse(blocks[i].Text) ? IsProseLine : 0));
        }

        return (_state[i] & IsProseLine) != 0;
    }
}
