using System.Globalization;
using System.Text;
using Extraction.Model;
using Extraction.Recognize;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Extraction.Tests.Recognize;

/// <summary>
/// Random values rendered the ways German articles write them must parse back to the same value,
/// currency and qualifier, with the mention covering exactly the rendered phrase.
/// </summary>
public sealed class RecognizerPropertyTests
{
    private static readonly AmountRecognizer Amounts = new();
    private static readonly HardwareRecognizer Hardware = new();

    /// <summary>A rendered amount and what the recognizer must read from it.</summary>
    public sealed record MoneyCase(string Phrase, decimal Min, decimal Max, string Currency, CurrencyEvidence Evidence, Qualifier Qualifier)
    {
        public override string ToString() => $"\"{Phrase}\" => {Min}..{Max} {Currency} {Evidence} {Qualifier}";
    }

    /// <summary>A rendered hardware count and what the recognizer must read from it.</summary>
    public sealed record HardwareCase(string Phrase, long Count, string Unit, string? Model, Qualifier Qualifier)
    {
        public override string ToString() => $"\"{Phrase}\" => {Count} {Unit} {Model} {Qualifier}";
    }

    private sealed record Cur(string Text, string Code, CurrencyEvidence Evidence, bool Before);

    private static readonly Cur[] After =
    [
        new("Euro", "EUR", CurrencyEvidence.Explicit, false),
        new("€", "EUR", CurrencyEvidence.Explicit, false),
        new("EUR", "EUR", CurrencyEvidence.Explicit, false),
        new("US-Dollar", "USD", CurrencyEvidence.Explicit, false),
        new("Dollar", "USD", CurrencyEvidence.BareDollar, false),
        new("USD", "USD", CurrencyEvidence.Explicit, false),
        new("kanadische Dollar", "CAD", CurrencyEvidence.Explicit, false),
        new("australische Dollar", "AUD", CurrencyEvidence.Explicit, false),
        new("Pfund", "GBP", CurrencyEvidence.Explicit, false),
        new("Pfund Sterling", "GBP", CurrencyEvidence.Explicit, false),
        new("Franken", "CHF", CurrencyEvidence.Explicit, false),
        new("Schweizer Franken", "CHF", CurrencyEvidence.Explicit, false),
        new("Yen", "JPY", CurrencyEvidence.Explicit, false),
        new("Yuan", "CNY", CurrencyEvidence.Explicit, false),
        new("Renminbi", "CNY", CurrencyEvidence.Explicit, false),
        new("Won", "KRW", CurrencyEvidence.Explicit, false),
        new("Rupien", "INR", CurrencyEvidence.Explicit, false),
    ];

    private static readonly Cur[] Before =
    [
        new("€ ", "EUR", CurrencyEvidence.Explicit, true),
        new("€", "EUR", CurrencyEvidence.Explicit, true),
        new("$", "USD", CurrencyEvidence.BareDollar, true),
        new("US$ ", "USD", CurrencyEvidence.Explicit, true),
        new("£", "GBP", CurrencyEvidence.Explicit, true),
        new("¥", "JPY", CurrencyEvidence.Explicit, true),
        new("CHF ", "CHF", CurrencyEvidence.Explicit, true),
        new("EUR ", "EUR", CurrencyEvidence.Explicit, true),
        new("USD ", "USD", CurrencyEvidence.Explicit, true),
    ];

    private static readonly Cur[] AnyCurrency = [.. After.Concat(Before)];

    private static readonly bool[] Booleans = [true, false];

    private static readonly (string Text, Qualifier Qualifier)[] Qualifiers =
    [
        ("", Qualifier.Exact), ("", Qualifier.Exact), ("", Qualifier.Exact),
        ("rund ", Qualifier.About), ("etwa ", Qualifier.About), ("ca. ", Qualifier.About), ("circa ", Qualifier.About),
        ("ungefähr ", Qualifier.About), ("gut ", Qualifier.About),
        ("über ", Qualifier.Over), ("mehr als ", Qualifier.Over), ("weit über ", Qualifier.Over),
        ("knapp ", Qualifier.Under), ("unter ", Qualifier.Under), ("weniger als ", Qualifier.Under),
        ("bis zu ", Qualifier.UpTo), ("mindestens ", Qualifier.AtLeast),
    ];

    private static readonly (string Plural, string Singular, decimal Value)[] Scales =
    [
        ("Millionen", "Million", 1_000_000m), ("Mio.", "Mio.", 1_000_000m), ("Mio", "Mio", 1_000_000m),
        ("Milliarden", "Milliarde", 1_000_000_000m), ("Mrd.", "Mrd.", 1_000_000_000m), ("Mrd", "Mrd", 1_000_000_000m),
        ("Billionen", "Billion", 1_000_000_000_000m), ("Bio.", "Bio.", 1_000_000_000_000m),
        ("Tausend", "Tausend", 1_000m), ("Tsd.", "Tsd.", 1_000m),
    ];

    // The sentence around the phrase: none of these words is a qualifier or a currency.
    private static readonly string[] Frames =
    [
        "{0}",
        "Das Unternehmen will {0} investieren.",
        "Laut Plan fließen {0} in neue Rechenzentren.",
        "Für das Projekt sind {0} vorgesehen, teilte das Ministerium mit.",
        "Der Konzern kündigte am 4. Februar 2025 an, {0} bereitzustellen.",
    ];

    private static readonly (string Text, Qualifier Qualifier)[] RangeQualifiers = [("", Qualifier.Exact), ("rund ", Qualifier.About), ("etwa ", Qualifier.About)];

    private static readonly (string, decimal)[] EnglishScales =
        [("billion", 1_000_000_000m), ("bn", 1_000_000_000m), ("million", 1_000_000m), ("trillion", 1_000_000_000_000m)];

    private static readonly string[] HardwareFrames = ["{0}", "Das Rechenzentrum erhält {0}.", "Geplant sind {0} bis Ende 2026."];

    private static readonly string[] GroupSeparators = [".", ".", ".", "\u00A0", "\u202F", "\u2009", " "];

    // Digits with German grouping and an explicit currency: "1.234.567 Euro", "€ 100\u00A0000".
    private static Gen<MoneyCase> GroupedDigits =>
        from millions in Gen.Choose(0, 2_000)
        from thousands in Gen.Choose(0, 999)
        from units in Gen.Choose(1, 999)
        from sep in Gen.Elements(GroupSeparators)
        from cur in Gen.Elements(AnyCurrency)
        from q in Gen.Elements(Qualifiers)
        from frame in Gen.Elements(Frames)
        let value = (millions * 1_000_000m) + (thousands * 1_000m) + units
        select Build(frame, q, cur, Group(value, sep), value, value);

    // A decimal comma with a scale: "8,6 Mrd. Euro", "rund 12,75 Millionen Dollar".
    private static Gen<MoneyCase> DecimalWithScale =>
        from whole in Gen.Choose(1, 999)
        from fraction in Gen.Choose(1, 99)
        from twoDigits in Gen.Elements(Booleans)
        from scale in Gen.Elements(Scales)
        from cur in Gen.Elements(AnyCurrency)
        from q in Gen.Elements(Qualifiers)
        from frame in Gen.Elements(Frames)
        let digits = twoDigits ? fraction.ToString("00", CultureInfo.InvariantCulture) : (fraction % 10 == 0 ? 1 : fraction % 10).ToString(CultureInfo.InvariantCulture)
        let figure = decimal.Parse($"{whole}.{digits}", CultureInfo.InvariantCulture)
        let text = $"{whole},{digits} {scale.Plural}"
        select Build(frame, q, cur, text, figure * scale.Value, figure * scale.Value);

    // Written-out numbers 1..999 with Millionen or Milliarden: "dreihundertfünfundvierzig Milliarden Euro".
    private static Gen<MoneyCase> WrittenWithScale =>
        from n in Gen.Choose(1, 999)
        from style in Gen.Choose(0, 7)
        from billions in Gen.Elements(Booleans)
        from cur in Gen.Elements(After)
        from q in Gen.Elements(Qualifiers)
        from frame in Gen.Elements(Frames)
        let scaleWord = n == 1 ? (billions ? "Milliarde" : "Million") : (billions ? "Milliarden" : "Millionen")
        let value = n * (billions ? 1_000_000_000m : 1_000_000m)
        select Build(frame, q, cur, $"{Words(n, style)} {scaleWord}", value, value);

    // Ranges: "16 bis 18 Milliarden Dollar", "zwischen 10 und 20 Mio. Euro", "10-20 Mrd. €".
    private static Gen<MoneyCase> Ranges =>
        from lo in Gen.Choose(1, 998)
        from span in Gen.Choose(1, 200)
        from shape in Gen.Choose(0, 3)
        from scale in Gen.Elements(Scales)
        from cur in Gen.Elements(After)
        from about in Gen.Elements(RangeQualifiers)
        from frame in Gen.Elements(Frames)
        let hi = Math.Min(lo + span, 999)
        let text = shape switch
        {
            0 => $"{lo} bis {hi} {scale.Plural}",
            1 => $"zwischen {lo} und {hi} {scale.Plural}",
            2 => $"{lo}-{hi} {scale.Plural}",
            _ => $"{lo}–{hi} {scale.Plural}",
        }
        select Build(frame, shape == 1 ? ("", Qualifier.Exact) : about, cur, text, lo * scale.Value, hi * scale.Value);

    // Written ranges: "zwei bis drei Milliarden Euro".
    private static Gen<MoneyCase> WrittenRanges =>
        from lo in Gen.Choose(2, 98)
        from span in Gen.Choose(1, 10)
        from cur in Gen.Elements(After)
        from frame in Gen.Elements(Frames)
        let hi = Math.Min(lo + span, 99)
        select Build(frame, ("", Qualifier.Exact), cur, $"{Words(lo, 0)} bis {Words(hi, 0)} Milliarden", lo * 1_000_000_000m, hi * 1_000_000_000m);

    // English figures in German text: "$5.5 billion", "€2bn", "5 bn USD".
    private static Gen<MoneyCase> English =>
        from whole in Gen.Choose(1, 999)
        from tenth in Gen.Choose(0, 9)
        from scale in Gen.Elements(EnglishScales)
        from glued in Gen.Elements(Booleans)
        from cur in Gen.Elements(Before)
        from q in Gen.Elements(Qualifiers)
        from frame in Gen.Elements(Frames)
        let figure = whole + (tenth / 10m)
        let digits = tenth == 0 ? $"{whole}" : $"{whole}.{tenth}"
        let text = glued && scale.Item1 == "bn" ? $"{digits}bn" : $"{digits} {scale.Item1}"
        select Build(frame, q, cur, text, figure * scale.Item2, figure * scale.Item2);

    // English thousands commas after "$" or "£", or before an English scale: "$1,500 million", "£30,000".
    private static Gen<MoneyCase> EnglishThousands =>
        from value in Gen.Choose(1_000, 999_999)
        from scale in Gen.Elements(EnglishScalesOrNone)
        from cur in Gen.Elements(EnglishSymbols)
        from q in Gen.Elements(Qualifiers)
        from frame in Gen.Elements(Frames)
        let text = Group(value, ",") + (scale.Item1.Length == 0 ? "" : " " + scale.Item1)
        select Build(frame, q, cur, text, value * scale.Item2, value * scale.Item2);

    private static readonly (string, decimal)[] EnglishScalesOrNone = [("", 1m), ("million", 1_000_000m), ("billion", 1_000_000_000m)];

    private static readonly Cur[] EnglishSymbols =
    [
        new("$", "USD", CurrencyEvidence.BareDollar, true),
        new("US$ ", "USD", CurrencyEvidence.Explicit, true),
        new("£", "GBP", CurrencyEvidence.Explicit, true),
    ];

    private static readonly (string Text, string Unit)[] Units =
    [
        ("GPUs", "GPU"), ("Grafikprozessoren", "GPU"), ("Grafikkarten", "GPU"), ("Chips", "chip"), ("KI-Chips", "chip"),
        ("Superchips", "chip"), ("Beschleuniger", "accelerator"), ("KI-Beschleuniger", "accelerator"), ("Server", "server"),
        ("GPU-Server", "server"), ("Racks", "rack"), ("Server-Racks", "rack"), ("Rechenknoten", "node"), ("TPUs", "TPU"),
    ];

    private static readonly (string Text, string? Model)[] Makers =
    [
        ("", null), ("", null), ("Nvidia ", null), ("Nvidia H100 ", "H100"), ("H200-", "H200"), ("AMD MI300X-", "MI300X"),
        ("neue ", null), ("hochmoderne ", null), ("B200-", "B200"),
    ];

    // Hardware counts: "mindestens 10.000 Nvidia H100 GPUs", "rund 2\u00A0688 Rechenknoten".
    private static Gen<HardwareCase> HardwareCounts =>
        from thousands in Gen.Choose(0, 999)
        from units in Gen.Choose(2, 999)
        from sep in Gen.Elements(GroupSeparators)
        from unit in Gen.Elements(Units)
        from maker in Gen.Elements(Makers)
        from q in Gen.Elements(Qualifiers)
        from frame in Gen.Elements(HardwareFrames)
        let count = (thousands * 1_000) + units
        let phrase = q.Text + Group(count, sep) + " " + maker.Text + unit.Text
        select new HardwareCase(string.Format(CultureInfo.InvariantCulture, frame, phrase), count, unit.Unit, maker.Model, q.Qualifier);

    [Property(MaxTest = 400)]
    public Property Recognize_GroupedDigitsWithCurrency_ParsesBack() => Prop.ForAll(GroupedDigits.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 400)]
    public Property Recognize_DecimalCommaWithScale_ParsesBack() => Prop.ForAll(DecimalWithScale.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 400)]
    public Property Recognize_WrittenNumberWithScale_ParsesBack() => Prop.ForAll(WrittenWithScale.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 400)]
    public Property Recognize_RangeWithScale_ParsesBothEnds() => Prop.ForAll(Ranges.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 200)]
    public Property Recognize_WrittenRange_ParsesBothEnds() => Prop.ForAll(WrittenRanges.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 300)]
    public Property Recognize_EnglishFigureInGermanText_ParsesBack() => Prop.ForAll(English.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 300)]
    public Property Recognize_EnglishThousandsComma_ParsesBack() => Prop.ForAll(EnglishThousands.ToArbitrary(), AssertMoney);

    [Property(MaxTest = 400)]
    public Property Recognize_HardwareCount_ParsesBack() => Prop.ForAll(HardwareCounts.ToArbitrary(), AssertHardware);

    [Property(MaxTest = 500)]
    public Property TryParseWord_WrittenNumberUpToAMillion_ReturnsValue() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 999_999) from style in Gen.Choose(0, 7) select (n, Words: Words(n, style))).ToArbitrary(),
            c => Assert.True(GermanNumbers.TryParseWord(c.Words, out var v) && v == c.n, $"{c.Words} => {v}, expected {c.n}"));

    private static void AssertMoney(MoneyCase c)
    {
        var mention = Assert.Single(Amounts.Recognize(c.Phrase));
        Assert.Equal(
            Describe(c.Min, c.Max, c.Currency, c.Evidence, c.Qualifier),
            Describe(mention.Amount.Min, mention.Amount.Max, mention.Amount.Currency, mention.Evidence, mention.Amount.Qualifier));
        Assert.Equal(c.Phrase.Substring(mention.Start, mention.Length), mention.Text);
        Assert.Empty(Hardware.Recognize(c.Phrase));
    }

    private static string Describe(decimal min, decimal max, string? currency, CurrencyEvidence evidence, Qualifier qualifier) =>
        string.Create(CultureInfo.InvariantCulture, $"{Plain(min)}..{Plain(max)} {currency} {evidence} {qualifier}");

    private static string Plain(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    private static void AssertHardware(HardwareCase c)
    {
        var mention = Assert.Single(Hardware.Recognize(c.Phrase));
        Assert.Equal($"{c.Count} {c.Unit} {c.Model} {c.Qualifier}", $"{mention.Count.Min} {mention.Unit} {mention.HardwareModel} {mention.Count.Qualifier}");
        Assert.Equal(c.Count, mention.Count.Max);
        Assert.Empty(Amounts.Recognize(c.Phrase));
    }

    private static MoneyCase Build(string frame, (string Text, Qualifier Qualifier) q, Cur cur, string figure, decimal min, decimal max)
    {
        var phrase = cur.Before ? $"{q.Text}{cur.Text}{figure}" : $"{q.Text}{figure} {cur.Text}";
        return new MoneyCase(string.Format(CultureInfo.InvariantCulture, frame, phrase), min, max, cur.Code, cur.Evidence, q.Qualifier);
    }

    /// <summary>German digit grouping: 1234567 with "." gives "1.234.567".</summary>
    internal static string Group(decimal value, string sep)
    {
        var digits = ((long)value).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                sb.Append(sep);
            }

            sb.Append(digits[i]);
        }

        return sb.ToString();
    }

    private static readonly string[] UnitWords = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"];

    private static readonly string[] TeenWords =
        ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"];

    private static readonly string[] TenWords =
        ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"];

    /// <summary>
    /// Writes n (1..999 999) out in German. <paramref name="style"/> picks among the spellings that all occur:
    /// bit 0 "einhundert" or "hundert", bit 1 "hundertundzwanzig" or "hundertzwanzig", bit 2 a capital first letter.
    /// </summary>
    internal static string Words(int n, int style)
    {
        string s;
        if (n >= 1000)
        {
            var thousands = n / 1000 == 1 ? ((style & 1) != 0 ? "ein" : "") : BelowThousand(n / 1000, style, "ein");
            s = thousands + "tausend" + (n % 1000 == 0 ? "" : BelowThousand(n % 1000, style, "eins"));
        }
        else
        {
            // Alone before a feminine scale noun: "eine Million"; after "hundert": "hunderteins".
            s = BelowThousand(n, style, n > 100 ? "eins" : "eine");
        }

        return (style & 4) != 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;
    }

    private static string BelowThousand(int n, int style, string one)
    {
        var h = n / 100;
        var r = n % 100;
        var sb = new StringBuilder();
        if (h > 0)
        {
            sb.Append(h == 1 ? ((style & 1) != 0 ? "einhundert" : "hundert") : UnitWords[h] + "hundert");
            if (r > 0 && (style & 2) != 0)
            {
                sb.Append("und");
            }
        }

        if (r == 1)
        {
            sb.Append(one);
        }
        else if (r is > 1 and < 10)
        {
            sb.Append(UnitWords[r]);
        }
        else if (r is >= 10 and < 20)
        {
            sb.Append(TeenWords[r - 10]);
        }
        else if (r >= 20)
        {
            if (r % 10 > 0)
            {
                sb.Append(UnitWords[r % 10]).Append("und");
            }

            sb.Append(TenWords[r / 10]);
        }

        return sb.ToString();
    }
}
