using Extraction.Text;

namespace Extraction.Tests.Text;

public sealed class SentenceSplitterTests
{
    // Expected sentences are separated by " | ".
    public static TheoryData<string, string> Cases() => new()
    {
        // Abbreviations inside a sentence
        { "Die EU plant 200 Mrd. Euro. Das ist viel.", "Die EU plant 200 Mrd. Euro. | Das ist viel." },
        { "Das kostet ca. 5 Mio. Euro. Danach folgt mehr.", "Das kostet ca. 5 Mio. Euro. | Danach folgt mehr." },
        { "Es gibt z. B. Rechenzentren in Bayern. Weitere folgen.", "Es gibt z. B. Rechenzentren in Bayern. | Weitere folgen." },
        { "Die Chips (z.B. H100) sind knapp. Das bremst.", "Die Chips (z.B. H100) sind knapp. | Das bremst." },
        { "Dr. Müller sprach. Er lobte das Projekt.", "Dr. Müller sprach. | Er lobte das Projekt." },
        { "Prof. Dr. Schmidt leitet das Projekt.", "Prof. Dr. Schmidt leitet das Projekt." },
        { "Das Gesetz Nr. 5 gilt. Es tritt bald in Kraft.", "Das Gesetz Nr. 5 gilt. | Es tritt bald in Kraft." },
        { "Beteiligt sind u. a. Siemens und SAP. Die Liste wächst.", "Beteiligt sind u. a. Siemens und SAP. | Die Liste wächst." },
        { "Sie investiert 5 Mio. Dollar bzw. 4,6 Mio. Euro.", "Sie investiert 5 Mio. Dollar bzw. 4,6 Mio. Euro." },
        { "Das Projekt (ca. 3 Mrd. Euro) startet. Es dauert.", "Das Projekt (ca. 3 Mrd. Euro) startet. | Es dauert." },
        { "Die Firma (Nvidia Corp.) liefert Chips.", "Die Firma (Nvidia Corp.) liefert Chips." },
        { "Das Budget beträgt 1,5 Tsd. Euro pro Kopf.", "Das Budget beträgt 1,5 Tsd. Euro pro Kopf." },

        // An abbreviated scale can end a sentence too
        { "Die Kosten: rund 2 Mrd. Die Finanzierung steht.", "Die Kosten: rund 2 Mrd. | Die Finanzierung steht." },
        { "Der Fonds umfasst 500 Mio. Es ist der größte.", "Der Fonds umfasst 500 Mio. | Es ist der größte." },

        // Ordinals and dates
        { "Am 4. Februar 2025 wurde es verkündet. Danach ging es los.", "Am 4. Februar 2025 wurde es verkündet. | Danach ging es los." },
        { "Im 3. Quartal stieg der Umsatz. Das freut die Aktionäre.", "Im 3. Quartal stieg der Umsatz. | Das freut die Aktionäre." },
        { "Bis zum 31. Dezember sollen 5 Mrd. Euro fließen.", "Bis zum 31. Dezember sollen 5 Mrd. Euro fließen." },
        { "Am 1. und 2. März findet der Gipfel statt.", "Am 1. und 2. März findet der Gipfel statt." },
        { "Das Ziel ist Platz 1. Dann folgt der Rest.", "Das Ziel ist Platz 1. | Dann folgt der Rest." },

        // A year at the end of a sentence
        { "Das geschah im Jahr 2024. Die Folgen sind spürbar.", "Das geschah im Jahr 2024. | Die Folgen sind spürbar." },
        { "Die Fabrik öffnet 2027. 3.000 Menschen sollen dort arbeiten.", "Die Fabrik öffnet 2027. | 3.000 Menschen sollen dort arbeiten." },

        // Quotes
        { "Sie sagte: „Wir investieren 20 Milliarden.“ Danach war es still.", "Sie sagte: „Wir investieren 20 Milliarden.“ | Danach war es still." },
        { "„Das ist ein großer Tag“, sagte sie. Dann ging sie.", "„Das ist ein großer Tag“, sagte sie. | Dann ging sie." },
        { "Er fragte: „Wer zahlt das?“ Niemand antwortete.", "Er fragte: „Wer zahlt das?“ | Niemand antwortete." },
        { "Das Werk kostet 10 Mrd. Euro. „Ein Meilenstein“, sagt der Minister.", "Das Werk kostet 10 Mrd. Euro. | „Ein Meilenstein“, sagt der Minister." },

        // A missing space after the full stop
        {
            "Das sagte die Kommissionspräsidentin.InvestAI soll 200 Milliarden Euro mobilisieren.",
            "Das sagte die Kommissionspräsidentin. | InvestAI soll 200 Milliarden Euro mobilisieren."
        },
        { "Mehr Infos unter www.example.de. Jetzt lesen!", "Mehr Infos unter www.example.de. | Jetzt lesen!" },

        // A lower-case start after a full word: an image credit run into the text
        {
            "Sie wollen ihre Führung sichern. shutterstock.com – Foto Seit 2022 fließt viel Geld.",
            "Sie wollen ihre Führung sichern. | shutterstock.com – Foto Seit 2022 fließt viel Geld."
        },
        { "Das kostet ca. drei Milliarden.", "Das kostet ca. drei Milliarden." },
        { "Die Plattform ASP.NET wird genutzt.", "Die Plattform ASP.NET wird genutzt." },

        // "!" and "?"
        { "Wow! Das ist viel.", "Wow! | Das ist viel." },
        { "Wie viel kostet das? Rund 5 Mrd. Euro.", "Wie viel kostet das? | Rund 5 Mrd. Euro." },
        { "Was nun? Niemand weiß es!", "Was nun? | Niemand weiß es!" },
        { "Wirklich?! Ja.", "Wirklich?! | Ja." },

        // Units, symbols and line breaks
        { "Die Anlage leistet 1,2 GW. Sie soll 2027 ans Netz.", "Die Anlage leistet 1,2 GW. | Sie soll 2027 ans Netz." },
        { "Der Fonds umfasst 20 Mrd. €. Er startet 2026.", "Der Fonds umfasst 20 Mrd. €. | Er startet 2026." },
        { "Der Preis stieg um 5 %. Analysten sind überrascht.", "Der Preis stieg um 5 %. | Analysten sind überrascht." },
        { "Zeile eins\nZeile zwei", "Zeile eins | Zeile zwei" },
        { "  Leerzeichen am Rand.  ", "Leerzeichen am Rand." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_GermanText_ReturnsExpectedSentences(string text, string expected)
    {
        var sentences = SentenceSplitter.Split(text);

        var actual = string.Join(" | ", sentences.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Split_EmptyText_ReturnsNoSentence()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split(" \n \n"));
    }

    [Fact]
    public void Split_AnyText_SpansStayInsideTextInOrder()
    {
        const string text = "Am 4. Februar 2025 sagte Dr. Müller: „Wir investieren rund 2 Mrd. Euro.“ Das ist viel!\nNeue Zeile? Ja.";
        var sentences = SentenceSplitter.Split(text);

        var previousEnd = 0;
        foreach (var s in sentences)
        {
            Assert.InRange(s.Start, previousEnd, text.Length);
            Assert.InRange(s.End, s.Start + 1, text.Length);
            previousEnd = s.End;
        }

        Assert.Equal(4, sentences.Count);
    }
}
