using System.Globalization;
using System.Text;

namespace Extraction.Corpus;

/// <summary>
/// What surrounds an article on a real news page and makes up most of its bytes: inline scripts
/// (tracking, configuration, teaser data), style sheets, icon sprites, the site navigation, teaser
/// lists, the comment section and the footer; in a saved text dump, the menu lines at the top and
/// teasers and comments at the bottom. Written for this generator (no sentence from a real page);
/// some teasers and comments carry figures, so a cleaner that lets them through is caught by the
/// facts it then reports.
/// </summary>
internal static class PageFurniture
{
    private static readonly string[] Sections =
    [
        "Politik", "Wirtschaft", "Digital", "Wissen", "Kultur", "Sport", "Panorama", "Auto", "Reise", "Karriere",
        "Gesundheit", "Podcasts", "Video", "Meinung", "Regional", "Finanzen", "Klima", "Netzwelt",
    ];

    private static readonly string[] Kickers =
    [
        "Analyse", "Kommentar", "Exklusiv", "Hintergrund", "Interview", "Liveblog", "Ratgeber", "Podcast", "Reportage", "Faktencheck",
    ];

    private static readonly string[] Headlines =
    [
        "Warum die Strompreise im Winter wieder steigen könnten",
        "Bahn kündigt neue Verbindungen zwischen Nord und Süd an",
        "So schützen Sie Ihr Konto vor gefälschten Paketmeldungen",
        "Stadtrat streitet über die Zukunft des alten Hafenviertels",
        "Land legt 500 Millionen Euro für schnelles Internet nach",
        "Was der neue Tarifvertrag für Pflegekräfte bedeutet",
        "Forscher messen Rekordtemperaturen in der Nordsee",
        "Start-up sammelt 40 Millionen Euro für Batteriespeicher ein",
        "Die besten Wanderwege für einen Herbsttag im Mittelgebirge",
        "Autobauer streicht 2.000 Stellen in der Verwaltung",
        "Neue Regeln für das Homeoffice: Was Beschäftigte wissen müssen",
        "Hochwasserschutz kostet Kommunen Milliarden",
        "Chiphersteller meldet Umsatzplus von 12 Prozent",
        "Bundesliga: Aufsteiger überrascht mit drittem Sieg in Folge",
        "Wie viel Rente bleibt nach Steuern übrig?",
        "Gericht kippt Fahrverbot in der Innenstadt",
        "Museum zeigt verschollene Gemälde aus Privatbesitz",
        "Energieversorger investiert 300 Millionen Euro in Windparks",
        "Mieten in Großstädten steigen langsamer als erwartet",
        "Quiz der Woche: Wie gut kennen Sie sich mit Nachrichten aus?",
    ];

    private static readonly string[] CommentSentences =
    [
        "Das klingt alles gut, aber wer bezahlt am Ende den Strom dafür?",
        "Ich arbeite selbst in der Branche und kann das nur bestätigen.",
        "Die 20 Milliarden hätte man besser in Schulen gesteckt.",
        "Wieder so eine Ankündigung, von der in drei Jahren niemand mehr spricht.",
        "Endlich passiert etwas, Europa hat lange genug zugeschaut.",
        "Woher sollen die Fachkräfte für diese Rechenzentren kommen?",
        "Interessanter Artikel, danke für die Einordnung.",
        "Man sollte erst einmal die Netze ausbauen, bevor man neue Hallen baut.",
        "Bei uns im Ort wurde so ein Projekt nach zwei Jahren wieder abgesagt.",
        "Das Wasser für die Kühlung fehlt dann in der Landwirtschaft.",
        "Ich finde es gut, dass auch kleinere Länder mitziehen.",
        "Mit 10.000 Grafikkarten gewinnt man heute kein Wettrennen mehr.",
        "Die Überschrift ist etwas reißerisch, der Text dafür sachlich.",
        "Wer garantiert, dass die Daten wirklich hier bleiben?",
        "Spannend wäre, was die Anlage im Jahr an Energie verbraucht.",
        "Subventionen für Konzerne, und die Brücke bei uns bleibt gesperrt.",
    ];

    private static readonly string[] Users =
    [
        "datenfreund", "K. Meier", "Nordlicht77", "skeptiker", "Ingrid_B", "techblick", "Rheinländer", "paul.s",
        "Sonnenseite", "M. Özdemir", "leserin42", "Gegenwind", "ruhrpott_jung", "A. Lindqvist",
    ];

    private static readonly string[] FooterLinks =
    [
        "Impressum", "Datenschutz", "Nutzungsbedingungen", "Kontakt", "Mediadaten", "Abo kündigen", "Karriere beim Verlag",
        "Barrierefreiheit", "Cookie-Einstellungen", "Hilfe", "RSS-Feeds", "Newsletter", "Archiv",
    ];

    private static readonly string[] CssProperties =
    [
        "margin:0 auto", "padding:4px 8px", "color:#1d1d1b", "font-size:1.125rem", "line-height:1.5", "display:flex",
        "gap:12px", "border-bottom:1px solid #e2e2e2", "background:#fafafa", "font-weight:600", "max-width:640px",
        "text-decoration:none", "grid-template-columns:repeat(3,1fr)", "position:relative", "overflow:hidden",
    ];

    /// <summary>Head furniture of an HTML page (scripts, styles, an icon sprite) of about <paramref name="bytes"/> characters.</summary>
    public static string HtmlHead(ref CorpusRandom rng, int bytes)
    {
        var sb = new StringBuilder(bytes + 512);
        sb.Append("\n<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({\"event\":\"pageview\",\"section\":\"")
            .Append(Pick(Sections, ref rng).ToLowerInvariant()).Append("\",\"articleId\":\"a-").Append(rng.Next(900000) + 100000)
            .Append("\",\"paywall\":").Append(rng.Next(2) == 0 ? "false" : "true").Append("});</script>\n");
        while (sb.Length < bytes)
        {
            switch (rng.Next(3))
            {
                case 0:
                    TeaserData(sb, ref rng, Math.Min(bytes - sb.Length, 6000));
                    break;
                case 1:
                    Styles(sb, ref rng, Math.Min(bytes - sb.Length, 4000));
                    break;
                default:
                    Icons(sb, ref rng, Math.Min(bytes - sb.Length, 3000));
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The site navigation at the top of an HTML body.</summary>
    public static string HtmlNavigation(ref CorpusRandom rng)
    {
        var sb = new StringBuilder(1024);
        sb.Append("\n<nav class=\"site-nav\" aria-label=\"Hauptnavigation\"><ul>");
        foreach (var s in Sections)
        {
            sb.Append("<li><a href=\"/").Append(s.ToLowerInvariant()).Append("/\">").Append(s).Append("</a></li>");
        }

        sb.Append("</ul></nav>\n<div class=\"ad-slot ad-leaderboard\" data-slot=\"top-").Append(rng.Next(100)).Append("\"></div>\n");
        return sb.ToString();
    }

    /// <summary>Teaser lists, the comment section and the footer at the end of an HTML body, about <paramref name="bytes"/> characters.</summary>
    public static string HtmlBottom(ref CorpusRandom rng, int bytes)
    {
        var sb = new StringBuilder(bytes + 1024);
        sb.Append("\n<aside class=\"teaser-list\"><h2>Mehr zum Thema</h2><ul>");
        for (var i = 0; i < 4 + rng.Next(5); i++)
        {
            sb.Append("<li><a href=\"/").Append(Pick(Sections, ref rng).ToLowerInvariant()).Append("/beitrag-").Append(rng.Next(1000000))
                .Append("\"><span class=\"kicker\">").Append(Pick(Kickers, ref rng)).Append("</span> ").Append(Pick(Headlines, ref rng)).Append("</a></li>");
        }

        sb.Append("</ul></aside>\n");
        var footer = Footer();
        var comments = bytes - sb.Length - footer.Length;
        if (comments > 600)
        {
            var count = 0;
            var body = new StringBuilder(comments + 512);
            while (body.Length < comments - 200)
            {
                count++;
                body.Append("<div class=\"comment\"><p class=\"comment-meta\"><span class=\"comment-author\">").Append(Pick(Users, ref rng))
                    .Append("</span> · vor ").Append(1 + rng.Next(23)).Append(" Stunden</p><p>").Append(CommentText(ref rng))
                    .Append("</p><button class=\"reply\">Antworten</button></div>\n");
            }

            sb.Append("<section id=\"comments\" class=\"comments\"><h2>Kommentare (").Append(count).Append(")</h2>\n")
                .Append(body).Append("</section>\n");
        }

        sb.Append(footer);
        return sb.ToString();
    }

    /// <summary>Menu lines at the top of a saved text dump.</summary>
    public static string TextTop(ref CorpusRandom rng)
    {
        var sb = new StringBuilder(512);
        sb.Append("Zum Inhalt springen\n");
        var first = rng.Next(Sections.Length);
        for (var i = 0; i < 8; i++)
        {
            sb.Append(Sections[(first + i) % Sections.Length]).Append('\n');
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>Teasers and the comment section at the bottom of a saved text dump, about <paramref name="bytes"/> characters.</summary>
    public static string TextBottom(ref CorpusRandom rng, int bytes)
    {
        var sb = new StringBuilder(bytes + 512);
        sb.Append("\n\nMehr zum Thema\n");
        for (var i = 0; i < 3 + rng.Next(4); i++)
        {
            sb.Append(Pick(Headlines, ref rng)).Append('\n');
        }

        var comments = new StringBuilder(Math.Max(bytes - sb.Length, 0) + 512);
        var count = 0;
        while (sb.Length + comments.Length < bytes - 200)
        {
            count++;
            comments.Append(Pick(Users, ref rng)).Append(" · vor ").Append(1 + rng.Next(23)).Append(" Stunden\n")
                .Append(CommentText(ref rng)).Append("\nAntworten · Melden\n\n");
        }

        if (count > 0)
        {
            sb.Append("\nKommentare (").Append(count).Append(")\n\n").Append(comments);
        }

        return sb.Append("\nImpressum · Datenschutz · Kontakt\n").ToString();
    }

    private static string CommentText(ref CorpusRandom rng)
    {
        var n = 1 + rng.Next(3);
        var sb = new StringBuilder(200);
        for (var i = 0; i < n; i++)
        {
            sb.Append(i == 0 ? "" : " ").Append(Pick(CommentSentences, ref rng));
        }

        return sb.ToString();
    }

    // Teaser metadata as a page framework embeds it for its client-side code.
    private static void TeaserData(StringBuilder sb, ref CorpusRandom rng, int bytes)
    {
        var start = sb.Length;
        sb.Append("<script type=\"application/json\" id=\"teaser-data-").Append(rng.Next(1000)).Append("\">{\"teasers\":[");
        for (var first = true; sb.Length - start < bytes - 200; first = false)
        {
            var id = rng.Next(1000000);
            sb.Append(first ? "" : ",").Append("{\"id\":\"t-").Append(id).Append("\",\"kicker\":\"").Append(Pick(Kickers, ref rng))
                .Append("\",\"title\":\"").Append(Pick(Headlines, ref rng)).Append("\",\"url\":\"/").Append(Pick(Sections, ref rng).ToLowerInvariant())
                .Append("/beitrag-").Append(id).Append("\",\"image\":{\"src\":\"/img/").Append(id).Append("-640.webp\",\"width\":640,\"height\":360},\"premium\":")
                .Append(rng.Next(3) == 0 ? "true" : "false").Append('}');
        }

        sb.Append("]}</script>\n");
    }

    private static void Styles(StringBuilder sb, ref CorpusRandom rng, int bytes)
    {
        var start = sb.Length;
        sb.Append("<style>");
        while (sb.Length - start < bytes - 100)
        {
            sb.Append(".c-").Append(rng.Next(100000).ToString("x", CultureInfo.InvariantCulture)).Append('{');
            for (var i = 0; i < 2 + rng.Next(4); i++)
            {
                sb.Append(Pick(CssProperties, ref rng)).Append(';');
            }

            sb.Append("}\n");
        }

        sb.Append("</style>\n");
    }

    private static void Icons(StringBuilder sb, ref CorpusRandom rng, int bytes)
    {
        var start = sb.Length;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"display:none\">");
        while (sb.Length - start < bytes - 100)
        {
            sb.Append("<symbol id=\"icon-").Append(rng.Next(10000)).Append("\" viewBox=\"0 0 24 24\"><path d=\"M");
            for (var i = 0; i < 12; i++)
            {
                sb.Append(rng.Next(24)).Append(' ').Append(rng.Next(24)).Append(i % 3 == 2 ? " L" : " ");
            }

            sb.Append("Z\"/></symbol>");
        }

        sb.Append("</svg>\n");
    }

    private static string Footer()
    {
        var sb = new StringBuilder(1024);
        sb.Append("<footer class=\"site-footer\"><ul>");
        foreach (var link in FooterLinks)
        {
            sb.Append("<li><a href=\"/service/").Append(link.ToLowerInvariant().Replace(' ', '-')).Append("\">").Append(link).Append("</a></li>");
        }

        return sb.Append("</ul><p>© 2026 Beispielverlag GmbH. Alle Rechte vorbehalten.</p></footer>\n").ToString();
    }

    /// <summary>Every sentence or headline the furniture writes, for tests that check a cleaner drops them all.</summary>
    internal static IEnumerable<string> Phrases => Headlines.Concat(CommentSentences);

    private static string Pick(string[] items, ref CorpusRandom rng) => items[rng.Next(items.Length)];
}
