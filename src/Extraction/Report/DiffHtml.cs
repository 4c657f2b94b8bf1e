using System.Globalization;
using System.Text;
using Extraction.Diff;
using Extraction.Model;
using static System.Net.WebUtility;

namespace Extraction.Report;

/// <summary>
/// The diff as one self-contained HTML page for a reviewer: summary counts (records and changed
/// articles), two views (one row per record, or grouped by article: what changed in this article),
/// filters by change, kind and actor (plain inline JS; view and filters live in the URL hash, e.g.
/// <c>#view=articles&amp;kind=hardware</c>, so a filtered view can be linked), changed fields one line
/// each with figures as people write them ("3,2 Mrd. EUR"), source sentences with the mention
/// marked, and links when an article id is an http(s) URL. Records out of run (their articles not in
/// the newer run) get their own tile, change filter and rows (with why), but no place in the article
/// view; without them the page is as before. No external resources.
/// </summary>
public static class DiffHtml
{
    /// <summary>Renders the page.</summary>
    public static string Render(DiffResult d, DiffSides sides, DateTimeOffset generated)
    {
        var rows = d.Added.Select(r => (Change: "added", Record: r, Pair: (ChangedRecord?)null))
            .Concat(d.Removed.Select(r => (Change: "removed", Record: r, Pair: (ChangedRecord?)null)))
            .Concat(d.Changed.Select(c => (Change: "changed", Record: c.New, Pair: (ChangedRecord?)c)))
            .Concat(d.OutOfRun.Select(r => (Change: OutOfRun, Record: r, Pair: (ChangedRecord?)null)))
            .ToList();
        var actors = rows.Select(r => r.Record.Actor ?? "").Concat(rows.Where(r => r.Pair is not null).Select(r => r.Pair!.Old.Actor ?? ""))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>extract diff: ").Append(HtmlEncode(sides.From)).Append(" → ").Append(HtmlEncode(sides.To)).Append("</title>\n");
        h.Append("<style>").Append(Css).Append(d.OutOfRun.Count > 0 ? OutOfRunCss : "").Append("</style>\n</head>\n<body>\n");
        h.Append("<header>\n<h1>Extraction diff</h1>\n<p class=\"sides\">from <b id=\"from\">").Append(HtmlEncode(sides.From))
            .Append("</b> to <b id=\"to\">").Append(HtmlEncode(sides.To)).Append("</b> · generated ")
            .Append(generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC</p>\n</header>\n");

        h.Append("<section id=\"summary\" aria-label=\"summary\">\n");
        foreach (var (kind, count) in new[] { ("added", d.Added.Count), ("removed", d.Removed.Count), ("changed", d.Changed.Count) })
        {
            h.Append("<a class=\"tile ").Append(kind).Append("\" href=\"#change=").Append(kind).Append("\"><span class=\"n\" id=\"count-").Append(kind).Append("\">")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</span> ").Append(kind).Append("</a>\n");
        }

        if (d.OutOfRun.Count > 0)
        {
            h.Append("<a class=\"tile ").Append(OutOfRun).Append("\" href=\"#change=").Append(OutOfRun).Append("\" title=\"").Append(OutOfRunTitle)
                .Append("\"><span class=\"n\" id=\"count-").Append(OutOfRun).Append("\">").Append(d.OutOfRun.Count.ToString(CultureInfo.InvariantCulture))
                .Append("</span> out of run</a>\n");
        }

        h.Append("<a class=\"tile articles\" href=\"#view=articles\"><span class=\"n\" id=\"count-articles\">")
            .Append(d.Articles.Count.ToString(CultureInfo.InvariantCulture)).Append("</span> article").Append(d.Articles.Count == 1 ? "" : "s").Append(" changed</a>\n");
        h.Append("</section>\n");

        h.Append("<form id=\"filters\" onsubmit=\"return false\">\n");
        h.Append("<label>View <select id=\"f-view\" data-key=\"view\"><option value=\"\">by record</option><option value=\"articles\">by article</option></select></label>\n");
        Select(h, "change", "Change", d.OutOfRun.Count > 0
            ? [("added", "added"), ("removed", "removed"), ("changed", "changed"), (OutOfRun, "out of run")]
            : [("added", "added"), ("removed", "removed"), ("changed", "changed")]);
        Select(h, "kind", "Kind", [("investment", "investment"), ("hardware", "hardware")]);
        Select(h, "actor", "Actor", actors.Select(a => (a, a.Length == 0 ? "(no actor)" : a)).ToList());
        h.Append("<label>Search <input type=\"search\" id=\"f-q\" data-key=\"q\" placeholder=\"text in sentences, ids…\"></label>\n");
        h.Append("<output id=\"shown\">").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" shown</output>\n</form>\n");

        h.Append("<section id=\"by-record\" aria-label=\"by record\">\n");
        h.Append("<table id=\"records\">\n<thead><tr><th>change</th><th>kind</th><th>actor</th><th>value</th><th>mentions</th><th>sources</th><th>id</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            WriteRow(h, row.Change, row.Record, row.Pair, row.Change == OutOfRun ? DiffText.OutOfRunReason(d, row.Record) : null);
        }

        h.Append("</tbody>\n</table>\n</section>\n");
        WriteArticles(h, d.Articles);
        h.Append("<p id=\"empty\"").Append(rows.Count == 0 ? "" : " hidden").Append('>')
            .Append(rows.Count == 0 ? "No differences: the two sides have the same records." : "No record matches the filters.").Append("</p>\n");
        h.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return h.ToString();
    }

    // The per-article view: one group per article, each entry what happened to one claim read from it.
    private static void WriteArticles(StringBuilder h, IReadOnlyList<ArticleDiff> articles)
    {
        h.Append("<section id=\"by-article\" aria-label=\"by article\" hidden>\n");
        foreach (var a in articles)
        {
            h.Append("<article class=\"art\" data-article=\"").Append(HtmlEncode(a.Article)).Append("\">\n<h2>").Append(ArticleLink(a.Article)).Append(" <small>");
            h.Append(HtmlEncode(string.Join(", ", a.Entries.GroupBy(e => e.Change).Select(g =>
                g.Count().ToString(CultureInfo.InvariantCulture) + " " + EntryName(g.Key)))));
            h.Append("</small></h2>\n<ul class=\"entries\">\n");
            foreach (var e in a.Entries)
            {
                var change = e.Change switch { EntryChange.Added => "added", EntryChange.Removed => "removed", _ => "changed" };
                var r = e.Record;
                h.Append("<li class=\"rec entry ").Append(change).Append("\" data-change=\"").Append(change).Append("\" data-entry=\"").Append(EntryName(e.Change).Replace(' ', '-'))
                    .Append("\" data-kind=\"").Append(ContractNames.Of(r.Kind)).Append("\" data-actor=\"").Append(HtmlEncode(r.Actor ?? "")).Append('"');
                if (e.Pair is { } p0 && p0.Old.Actor != r.Actor)
                {
                    h.Append(" data-old-actor=\"").Append(HtmlEncode(p0.Old.Actor ?? "")).Append('"');
                }

                h.Append(" data-id=\"").Append(HtmlEncode(r.Id)).Append("\">");
                h.Append("<span class=\"badge ").Append(change).Append("\">").Append(EntryName(e.Change)).Append("</span> ");
                h.Append("<span class=\"claim\">").Append(HtmlEncode(DiffText.Claim(r))).Append("</span> <code>").Append(HtmlEncode(r.Id)).Append("</code>");
                if (e.Pair is { } p && e.Change == EntryChange.Changed)
                {
                    Fields(h, p, open: true);
                }

                // The sentences this article gave (or no longer gives) the claim.
                var from = e.Change is EntryChange.Removed or EntryChange.SourceLost ? (e.Pair?.Old ?? r) : r;
                var here = from.Sources.Where(s => s.Article == a.Article).ToList();
                if (e.Change == EntryChange.Changed && e.Pair is { } q)
                {
                    here = q.New.Sources.Where(s => s.Article == a.Article).ToList();
                    var was = q.Old.Sources.Where(s => s.Article == a.Article && !here.Any(n => n.Sentence == s.Sentence)).ToList();
                    h.Append("<ul class=\"sentences\">");
                    foreach (var s in here)
                    {
                        h.Append("<li>").Append(Sentence(s)).Append("</li>");
                    }

                    foreach (var s in was)
                    {
                        h.Append("<li class=\"gone\"><del>").Append(Sentence(s)).Append("</del></li>");
                    }

                    h.Append("</ul>");
                }
                else
                {
                    h.Append("<ul class=\"sentences\">");
                    foreach (var s in here)
                    {
                        h.Append(e.Change is EntryChange.Removed or EntryChange.SourceLost ? "<li class=\"gone\"><del>" : "<li>").Append(Sentence(s))
                            .Append(e.Change is EntryChange.Removed or EntryChange.SourceLost ? "</del></li>" : "</li>");
                    }

                    h.Append("</ul>");
                }

                h.Append("</li>\n");
            }

            h.Append("</ul>\n</article>\n");
        }

        h.Append("</section>\n");
    }

    private static string EntryName(EntryChange c) => c switch
    {
        EntryChange.Added => "added",
        EntryChange.Removed => "removed",
        EntryChange.Changed => "changed",
        EntryChange.SourceGained => "source gained",
        _ => "source lost",
    };

    private static void Fields(StringBuilder h, ChangedRecord c, bool open)
    {
        h.Append("<details class=\"fields\"").Append(open ? " open" : "").Append("><summary>").Append(c.Changes.Count.ToString(CultureInfo.InvariantCulture)).Append(" changed field")
            .Append(c.Changes.Count == 1 ? "" : "s").Append(c.By switch { PairedBy.Source => " · paired by sentence", PairedBy.Revision => " · revised figure", _ => "" })
            .Append("</summary><table>");
        foreach (var f in c.Changes)
        {
            var (old, now) = HumanValues.Field(f, c.Old, c.New);
            h.Append("<tr class=\"field\" data-field=\"").Append(HtmlEncode(f.Field)).Append("\"><th>").Append(HtmlEncode(f.Field)).Append("</th><td><del>")
                .Append(HtmlEncode(old)).Append("</del></td><td>→</td><td><ins>").Append(HtmlEncode(now)).Append("</ins></td></tr>");
        }

        h.Append("</table></details>");
    }

    private static void Select(StringBuilder h, string key, string label, IReadOnlyList<(string Value, string Text)> options)
    {
        h.Append("<label>").Append(label).Append(" <select id=\"f-").Append(key).Append("\" data-key=\"").Append(key).Append("\"><option value=\"\">all</option>");
        foreach (var (value, text) in options)
        {
            h.Append("<option value=\"").Append(HtmlEncode(value)).Append("\">").Append(HtmlEncode(text)).Append("</option>");
        }

        h.Append("</select></label>\n");
    }

    private static void WriteRow(StringBuilder h, string change, ClaimRecord r, ChangedRecord? pair, string? outOfRun)
    {
        var old = pair?.Old;
        bool Changed(string field) => pair is not null && pair.Changes.Any(f => f.Field == field);
        var kind = ContractNames.Of(r.Kind);
        h.Append("<tr class=\"rec ").Append(change).Append("\" data-change=\"").Append(change).Append("\" data-kind=\"").Append(kind)
            .Append("\" data-actor=\"").Append(HtmlEncode(r.Actor ?? "")).Append('"');
        if (old is not null && old.Actor != r.Actor)
        {
            h.Append(" data-old-actor=\"").Append(HtmlEncode(old.Actor ?? "")).Append('"');
        }

        if (pair is not null)
        {
            h.Append(" data-paired-by=\"").Append(pair.By.ToString().ToLowerInvariant()).Append('"');
            if (pair.SourcesOnly)
            {
                h.Append(" data-sources-only=\"yes\"");
            }
        }

        h.Append(" data-id=\"").Append(HtmlEncode(r.Id)).Append("\">\n");
        h.Append("<td class=\"change\"><span class=\"badge ").Append(change).Append("\">").Append(change == OutOfRun ? "out of run" : change).Append("</span></td>");
        h.Append("<td class=\"kind").Append(Changed(RecordDiff.Kind) ? " hl" : "").Append("\">").Append(kind).Append("</td>");

        Cell(h, "actor", Changed(RecordDiff.Actor), old?.Actor ?? "(no actor)", r.Actor ?? "(no actor)");
        var valueChanged = pair is not null && pair.Changes.Any(f => f.Field is RecordDiff.Value or RecordDiff.Currency or RecordDiff.Qualifier
            or RecordDiff.Unit or RecordDiff.Model or RecordDiff.Kind);
        Cell(h, "value", valueChanged, old is null ? "" : HumanValues.Of(old), HumanValues.Of(r));
        Cell(h, "mentions", Changed(RecordDiff.Mentions), old?.Mentions.ToString(CultureInfo.InvariantCulture) ?? "", r.Mentions.ToString(CultureInfo.InvariantCulture));

        h.Append("<td class=\"sources").Append(Changed(RecordDiff.Sources) ? " hl" : "").Append("\"><ul>");
        foreach (var s in r.Sources)
        {
            h.Append("<li>").Append(ArticleLink(s.Article)).Append(' ').Append(Sentence(s)).Append("</li>");
        }

        // A partial pair's old record stays in the new run: its other articles did not stop being sources.
        if (old is not null && pair is { Partial: false })
        {
            var now = r.Sources.Select(s => s.Article).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in old.Sources.Select(s => s.Article).Distinct(StringComparer.Ordinal).Where(a => !now.Contains(a)))
            {
                h.Append("<li class=\"gone\"><del>").Append(ArticleLink(gone)).Append("</del> no longer a source</li>");
            }
        }

        h.Append("</ul>");
        if (outOfRun is not null)
        {
            h.Append("<p class=\"why\" title=\"").Append(OutOfRunTitle).Append("\">out of run: ").Append(HtmlEncode(outOfRun)).Append("</p>");
        }

        if (pair is not null)
        {
            Fields(h, pair, open: !pair.SourcesOnly);
        }

        h.Append("</td>");
        h.Append("<td class=\"id\"><code>").Append(HtmlEncode(r.Id)).Append("</code>");
        if (old is not null && old.Id != r.Id)
        {
            h.Append("<br><del><code>").Append(HtmlEncode(old.Id)).Append("</code></del>");
        }

        h.Append("</td>\n</tr>\n");
    }

    private static void Cell(StringBuilder h, string css, bool changed, string old, string now)
    {
        h.Append("<td class=\"").Append(css).Append(changed ? " hl" : "").Append("\">");
        if (changed)
        {
            h.Append("<del>").Append(HtmlEncode(old)).Append("</del> <ins>").Append(HtmlEncode(now)).Append("</ins>");
        }
        else
        {
            h.Append(HtmlEncode(now));
        }

        h.Append("</td>");
    }

    /// <summary>An article id; a link when it is an http(s) URL (only those: no javascript: or file: links).</summary>
    internal static string ArticleLink(string article) =>
        Uri.TryCreate(article, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a class=\"article\" href=\"{HtmlEncode(uri.AbsoluteUri)}\" target=\"_blank\" rel=\"noopener noreferrer\">{HtmlEncode(article)}</a>"
            : $"<span class=\"article\">{HtmlEncode(article)}</span>";

    /// <summary>The source sentence with the mention marked.</summary>
    private static string Sentence(Source s)
    {
        var at = s.Text.Length == 0 ? -1 : s.Sentence.IndexOf(s.Text, StringComparison.Ordinal);
        return at < 0
            ? $"<q>{HtmlEncode(s.Sentence)}</q>"
            : $"<q>{HtmlEncode(s.Sentence[..at])}<mark>{HtmlEncode(s.Text)}</mark>{HtmlEncode(s.Sentence[(at + s.Text.Length)..])}</q>";
    }

    /// <summary>The change name (row class, filter value) of records whose articles the newer run did not read.</summary>
    private const string OutOfRun = "out-of-run";

    private const string OutOfRunTitle = "its articles were not in this run: no fact changed";

    private const string OutOfRunCss = """
        .tile.out-of-run .n { color: var(--mut); }
        .badge.out-of-run { background: var(--mut); }
        tr.out-of-run td { color: var(--mut); }
        p.why { margin: .2rem 0 0; font-style: italic; }

        """;

    private const string Css = """

        :root { --add: #1a7f37; --rem: #cf222e; --chg: #9a6700; --mut: #59636e; font-family: system-ui, sans-serif; }
        body { margin: 1.5rem; color: #1f2328; }
        h1 { margin: 0 0 .25rem; font-size: 1.4rem; }
        .sides { color: var(--mut); margin: 0 0 1rem; }
        #summary { display: flex; gap: .75rem; margin-bottom: 1rem; }
        .tile { text-decoration: none; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem; color: inherit; }
        .tile .n { font-size: 1.5rem; font-weight: 600; }
        .tile.added .n { color: var(--add); } .tile.removed .n { color: var(--rem); } .tile.changed .n { color: var(--chg); }
        #filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: .75rem; }
        #shown { color: var(--mut); }
        table#records { border-collapse: collapse; width: 100%; }
        #records th, #records td { border-bottom: 1px solid #d0d7de; padding: .4rem .5rem; vertical-align: top; text-align: left; }
        #records thead th { background: #f6f8fa; position: sticky; top: 0; }
        .badge { border-radius: 2em; padding: 0 .6em; color: #fff; font-size: .85em; }
        .badge.added { background: var(--add); } .badge.removed { background: var(--rem); } .badge.changed { background: var(--chg); }
        tr.removed td { color: var(--mut); }
        td.hl { background: #fff8c5; }
        del { background: #ffebe9; color: var(--rem); } ins { background: #dafbe1; color: var(--add); text-decoration: none; }
        ul { margin: 0; padding-left: 1.1rem; } q { color: #343a40; } mark { background: #ddf4ff; }
        .fields table { border-collapse: collapse; } .fields th, .fields td { padding: 0 .5rem 0 0; border: 0; }
        code { font-size: .85em; }
        .tile.articles .n { color: #0969da; }
        #by-article article { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .75rem; margin-bottom: .75rem; }
        #by-article h2 { font-size: 1rem; margin: 0 0 .4rem; } #by-article h2 small { color: var(--mut); font-weight: normal; }
        ul.entries { list-style: none; padding-left: 0; } ul.entries > li { margin: .35rem 0; }
        ul.sentences { color: #343a40; margin-top: .2rem; }

        """;

    // View and filters: a record (row, or entry of an article) shows when it matches every set filter;
    // an article shows when one of its entries does. The state is read from and written to the URL
    // hash (or query), so a filtered view can be bookmarked or sent to a colleague.
    private const string Script = """

        (function () {
          "use strict";
          var rows = Array.prototype.slice.call(document.querySelectorAll("#records tbody tr.rec"));
          var entries = Array.prototype.slice.call(document.querySelectorAll("#by-article li.rec"));
          var groups = Array.prototype.slice.call(document.querySelectorAll("#by-article article.art"));
          var controls = Array.prototype.slice.call(document.querySelectorAll("#filters [data-key]"));
          var filters = controls.filter(function (c) { return c.dataset.key !== "view"; });
          var view = document.getElementById("f-view");
          function params() {
            var raw = location.hash.length > 1 ? location.hash.slice(1) : location.search.slice(1);
            return new URLSearchParams(raw);
          }
          function readUrl() {
            var p = params();
            controls.forEach(function (c) {
              var v = p.get(c.dataset.key) || "";
              if (c.tagName === "SELECT" && !Array.prototype.some.call(c.options, function (o) { return o.value === v; })) { v = ""; }
              c.value = v;
            });
          }
          function writeUrl() {
            var p = new URLSearchParams();
            controls.forEach(function (c) { if (c.value) { p.set(c.dataset.key, c.value); } });
            var s = p.toString();
            try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); } catch (e) { location.hash = s; }
          }
          function matches(r, key, v) {
            if (!v) { return true; }
            if (key === "q") { return r.textContent.toLowerCase().indexOf(v.toLowerCase()) >= 0; }
            if (key === "actor") { return r.dataset.actor === v || r.dataset.oldActor === v; }
            return r.dataset[key] === v;
          }
          function filter(list) {
            var shown = 0;
            list.forEach(function (r) {
              var ok = filters.every(function (c) { return matches(r, c.dataset.key, c.value); });
              r.hidden = !ok;
              if (ok) { shown++; }
            });
            return shown;
          }
          function apply() {
            var byArticle = view.value === "articles";
            document.getElementById("by-record").hidden = byArticle;
            document.getElementById("by-article").hidden = !byArticle;
            var rowsShown = filter(rows);
            filter(entries);
            var groupsShown = 0;
            groups.forEach(function (g) {
              var any = g.querySelector("li.rec:not([hidden])") !== null;
              g.hidden = !any;
              if (any) { groupsShown++; }
            });
            document.getElementById("shown").textContent = byArticle
              ? groupsShown + " of " + groups.length + " articles shown"
              : rowsShown + " of " + rows.length + " shown";
            document.getElementById("empty").hidden = (byArticle ? groupsShown : rowsShown) > 0;
            document.body.setAttribute("data-view", byArticle ? "articles" : "records");
            document.body.setAttribute("data-filtered", filters.some(function (c) { return c.value; }) ? "yes" : "no");
          }
          controls.forEach(function (c) { c.addEventListener("input", function () { apply(); writeUrl(); }); });
          window.addEventListener("hashchange", function () { readUrl(); apply(); });
          readUrl();
          apply();
        })();

        """;
}
