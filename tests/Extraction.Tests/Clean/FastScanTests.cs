using System.Text;
using Extraction.Clean;
using Extraction.Fetch;
using FsCheck.Xunit;

namespace Extraction.Tests.Clean;

/// <summary>The vectorised scans on every page's text agree with their character-by-character definitions.</summary>
public sealed class FastScanTests
{
    // Characters that matter to the garbled check: ASCII letters and white space, umlauts and other
    // Latin-1 letters, Windows-1252 specials, replacement characters, non-breaking and other Unicode spaces.
    private const string Alphabet = "aZ9 .\t\n\r\v\f\u001C\u001F\u0085\u00A0\u2009\u3000äöüßé\u0080\u00FF\uFFFD€„“–ƒ‰Ÿœ中";

    [Property(MaxTest = 500)]
    public bool Garbled_AnyText_AgreesWithTheCharacterByCharacterDefinition(byte[] picks, bool latin1Heavy)
    {
        var text = new string(picks.Select(p => latin1Heavy && p % 2 == 0 ? 'Ã' : Alphabet[p % Alphabet.Length]).ToArray());

        return TextDecoder.Garbled(text) == Reference(text);
    }

    [Property(MaxTest = 300)]
    public bool CountLowAndNonAscii_AnyText_CountsBothClasses(byte[] picks, int repeat)
    {
        // Repeated up to some 100,000 characters: past one vector, and past a chunk of per-lane sums.
        var text = string.Concat(Enumerable.Repeat(Text(picks), 1 + (Math.Abs(repeat) % 4000)));

        return TextDecoder.CountLowAndNonAscii(text) == (text.Count(c => c <= ' '), text.Count(c => c > '\u007F'));
    }

    [Fact]
    public void CountLowAndNonAscii_PastOneChunkOfLaneSums_CountsThemAll() =>
        Assert.Equal((300_000, 700_001), TextDecoder.CountLowAndNonAscii(new string('ä', 700_001) + new string('\n', 300_000)));

    [Fact]
    public void Garbled_GermanProse_IsNotGarbled() =>
        Assert.Null(TextDecoder.Garbled(string.Concat(Enumerable.Repeat("Die Förderung für Rechenzentren über fünf Jahre wächst. ", 40))));

    [Fact]
    public void Garbled_MojibakeOfEveryLetter_IsGarbled() =>
        Assert.StartsWith("text is garbled: ", TextDecoder.Garbled(new string('Ã', 200) + "ab"), StringComparison.Ordinal);

    // The definition the fast scan must keep: over the first 64K characters, stray high characters
    // against visible (non-white-space) ones.
    private static string? Reference(string text)
    {
        var visible = 0;
        var odd = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 64 * 1024)))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            visible++;
            if (c is >= '\u0080' and <= '\u00FF' or '\uFFFD' || "ƒ†‡ˆ‰Š‹ŒŽ˜™š›œžŸ".Contains(c))
            {
                odd++;
            }
        }

        return visible >= 50 && odd * 3 > visible
            ? $"text is garbled: {odd * 100 / visible}% of its characters are stray high bytes (binary data or an unknown encoding)"
            : null;
    }

    [Property(MaxTest = 500)]
    public bool Collapse_AnyText_AgreesWithTheCharacterByCharacterDefinition(byte[] picks) =>
        WhiteSpace.Collapse(Text(picks)) == CollapseReference(Text(picks));

    [Fact]
    public void Collapse_EveryCharacter_CollapsedExactlyWhenCharIsWhiteSpace()
    {
        // The "already collapsed" fast path names the white space it looks for; a character it missed
        // would come back unchanged here.
        var wrong = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => WhiteSpace.Collapse($"a{c}b") != (char.IsWhiteSpace(c) ? "a b" : $"a{c}b"))
            .Select(c => $"U+{(int)c:X4}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("schon kurz", "schon kurz")]
    [InlineData("  zwei\t\tLeer \n zeichen ", "zwei Leer zeichen")]
    [InlineData("10\u00A0000 GPUs", "10\u00A0000 GPUs")]
    [InlineData("10\u00A0 GPUs", "10 GPUs")]
    [InlineData("Seite 5\u00A0", "Seite 5")] // after a digit at the very end: nothing follows to group
    [InlineData("5\u00A0Euro", "5 Euro")] // a digit before, a letter after: a space, not a digit group
    public void Collapse_Examples(string input, string expected) => Assert.Equal(expected, WhiteSpace.Collapse(input));

    private static string Text(byte[] picks) => new(picks.Select(p => Alphabet[p % Alphabet.Length]).ToArray());

    private static string CollapseReference(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var digitGroup = c is '\u00A0' or '\u202F' or '\u2009' && i > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]);
            if (char.IsWhiteSpace(c) && !digitGroup)
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // Phrases as the boilerplate anchors look (ASCII, mixed case, punctuation, a space), one short
    // one and one with a character the fold does not keep, searched in texts made of their pieces,
    // case-shuffled, with umlauts and the non-ASCII letters that upper-case to ASCII (ı, ſ) or not (K, İ).
    private static readonly string[] Phrases = ["Cookies", "abonnieren", "Foto:", "(Foto:", "Alle Rechte", "Crew", "im Monat", "Leser:innen", "ab", "Über den"];

    private static readonly string[] Pieces = ["cook", "COOKIES", "Cooki", "es", "abon", "nieren", "foto", "(", ":", " ", "alle rechte", "cr", "ew", "CREW", "im", "monat",
        "Leser", "innen", "a", "b", "ı", "ſ", "K", "İ", "ä", "ü", "Ü", "ber den", "über den", "x", "\n", "\u00A0"];

    [Property(MaxTest = 1000)]
    public bool PhraseFilter_AnyText_AgreesWithSearchValues(byte[] picks, bool upper)
    {
        var text = string.Concat(picks.Select(p => Pieces[p % Pieces.Length]));
        text = upper ? text.ToUpperInvariant() : text;
        var reference = System.Buffers.SearchValues.Create(Phrases, StringComparison.OrdinalIgnoreCase);

        return new PhraseFilter(Phrases).IsFoundIn(text) == (text.AsSpan().IndexOfAny(reference) >= 0);
    }

    [Theory]
    [InlineData("Wir verwenden COOKIES.", true)]
    [InlineData("Wir verwenden Cookıes.", false)] // ordinal case-insensitivity does not equate ı and i
    [InlineData("Ein Foto: dpa", true)]
    [InlineData("Fot: dpa", false)]
    [InlineData("CREW", true)]
    [InlineData("Cre", false)]
    [InlineData("Über den Autor", true)]
    [InlineData("", false)]
    public void PhraseFilter_Examples(string text, bool found) => Assert.Equal(found, new PhraseFilter(Phrases).IsFoundIn(text));
}
