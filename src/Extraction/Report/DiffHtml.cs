using System.Globalization;
using System.Text;
using Extraction.Diff;
using Extraction.Model;
using static System.Net.WebUtility;

namespace Extraction.Report;

/// <summary>
/// The diff as one self-contained HTML page for a reviewer: summary counts, filters by change, kind
/// and actor (plain inline JS; the filter state lives in the URL hash, e.g. <c>#kind=hardware&amp;actor=xAI</c>,
/// so a filtered view can be linked), changed fields highlighted, source sentences with the mention
/// marked, and links when an article id is an http(s) URL. No external resources.
/// </summary>
public static class DiffHtml
{
    /// <summary>Renders the page.</summary>
    public static string Render(DiffResult d, DiffSides sides, DateTimeOffset generated)
    {
        var rows = d.Added.Select(r => (Change: "added", Record: r, Old: (ClaimRecord?)null, Fields: (IReadOnlyList<FieldChange>)[]))
            .Concat(d.Removed.Select(r => (Change: "removed", Record: r, Old: (ClaimRecord?)null, Fields: (IReadOnlyList<FieldChange>)[])))
            .Concat(d.Changed.Select(c => (Change: "changed", Record: c.New, Old: (ClaimRecord?)c.Old, Fields: c.Changes)))
            .ToList();
        var actors = rows.Select(r => r.Record.Actor ?? "").Concat(rows.Where(r => r.Old is not null).Select(r => r.Old!.Actor ?? ""))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>extract diff: ").Append(HtmlEncode(sides.From)).Append(" → ").Append(HtmlEncode(sides.To)).Append("</title>\n");
        h.Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header>\n<h1>Extraction diff</h1>\n<p class=\"sides\">from <b id=\"from\">").Append(HtmlEncode(sides.From))
            .Append("</b> to <b id=\"to\">").Append(HtmlEncode(sides.To)).Append("</b> · generated ")
            .Append(generated.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC</p>\n</header>\n");

        h.Append("<section id=\"summary\" aria-label=\"summary\">\n");
        foreach (var (kind, count) in new[] { ("added", d.Added.Count), ("removed", d.Removed.Count), ("changed", d.Changed.Count) })
        {
            h.Append("<a class=\"tile ").Append(kind).Append("\" href=\"#change=").Append(kind).Append("\"><span class=\"n\" id=\"count-").Append(kind).Append("\">")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</span> ").Append(kind).Append("</a>\n");
        }

        h.Append("</section>\n");

        h.Append("<form id=\"filters\" onsubmit=\"return false\">\n");
        Select(h, "change", "Change", [("added", "added"), ("removed", "removed"), ("changed", "changed")]);
        Select(h, "kind", "Kind", [("investment", "investment"), ("hardware", "hardware")]);
        Select(h, "actor", "Actor", actors.Select(a => (a, a.Length == 0 ? "(no actor)" : a)).ToList());
        h.Append("<label>Search <input type=\"search\" id=\"f-q\" data-key=\"q\" placeholder=\"text in sentences, ids…\"></label>\n");
        h.Append("<output id=\"shown\">").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" shown</output>\n</form>\n");

        h.Append("<table id=\"records\">\n<thead><tr><th>change</th><th>kind</th><th>actor</th><th>value</th><th>mentions</th><th>sources</th><th>id</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            WriteRow(h, row.Change, row.Record, row.Old, row.Fields);
        }

        h.Append("</tbody>\n</table>\n");
        h.Append("<p id=\"empty\"").Append(rows.Count == 0 ? "" : " hidden").Append('>')
            .Append(rows.Count == 0 ? "No differences: the two sides have the same records." : "No record matches the filters.").Append("</p>\n");
        h.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return h.ToString();
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

    private static void WriteRow(StringBuilder h, string change, ClaimRecord r, ClaimRecord? old, IReadOnlyList<FieldChange> fields)
    {
        bool Changed(string field) => fields.Any(f => f.Field == field);
        var kind = ContractNames.Of(r.Kind);
        h.Append("<tr class=\"rec ").Append(change).Append("\" data-change=\"").Append(change).Append("\" data-kind=\"").Append(kind)
            .Append("\" data-actor=\"").Append(HtmlEncode(r.Actor ?? "")).Append('"');
        if (old is not null && old.Actor != r.Actor)
        {
            h.Append(" data-old-actor=\"").Append(HtmlEncode(old.Actor ?? "")).Append('"');
        }

        h.Append(" data-id=\"").Append(HtmlEncode(r.Id)).Append("\">\n");
        h.Append("<td class=\"change\"><span class=\"badge ").Append(change).Append("\">").Append(change).Append("</span></td>");
        h.Append("<td class=\"kind\">").Append(kind).Append("</td>");

        Cell(h, "actor", Changed("actor"), old?.Actor ?? "(no actor)", r.Actor ?? "(no actor)");
        var valueChanged = Changed("amount") || Changed("count") || Changed("unit") || Changed("model");
        Cell(h, "value", valueChanged, old is null ? "" : DiffText.Value(old), DiffText.Value(r));
        Cell(h, "mentions", Changed("mentions"), old?.Mentions.ToString(CultureInfo.InvariantCulture) ?? "", r.Mentions.ToString(CultureInfo.InvariantCulture));

        h.Append("<td class=\"sources").Append(Changed("sources") ? " hl" : "").Append("\"><ul>");
        foreach (var s in r.Sources)
        {
            h.Append("<li>").Append(ArticleLink(s.Article)).Append(' ').Append(Sentence(s)).Append("</li>");
        }

        if (old is not null)
        {
            var now = r.Sources.Select(s => s.Article).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in old.Sources.Select(s => s.Article).Distinct(StringComparer.Ordinal).Where(a => !now.Contains(a)))
            {
                h.Append("<li class=\"gone\"><del>").Append(ArticleLink(gone)).Append("</del> no longer a source</li>");
            }
        }

        h.Append("</ul>");
        if (fields.Count > 0)
        {
            h.Append("<details class=\"fields\"><summary>").Append(fields.Count.ToString(CultureInfo.InvariantCulture)).Append(" changed field")
                .Append(fields.Count == 1 ? "" : "s").Append("</summary><table>");
            foreach (var f in fields)
            {
                h.Append("<tr class=\"field\" data-field=\"").Append(HtmlEncode(f.Field)).Append("\"><th>").Append(HtmlEncode(f.Field)).Append("</th><td><del>")
                    .Append(HtmlEncode(f.Old ?? "(none)")).Append("</del></td><td><ins>").Append(HtmlEncode(f.New ?? "(none)")).Append("</ins></td></tr>");
            }

            h.Append("</table></details>");
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

        """;

    // Filters: a row shows when it matches every set filter; the state is read from and written to the
    // URL hash (or query), so a filtered view can be bookmarked or sent to a colleague.
    private const string Script = """

        (function () {
          "use strict";
          var rows = Array.prototype.slice.call(document.querySelectorAll("#records tbody tr.rec"));
          var controls = Array.prototype.slice.call(document.querySelectorAll("#filters [data-key]"));
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
          function apply() {
            var shown = 0;
            rows.forEach(function (r) {
              var ok = controls.every(function (c) { return matches(r, c.dataset.key, c.value); });
              r.hidden = !ok;
              if (ok) { shown++; }
            });
            document.getElementById("shown").textContent = shown + " of " + rows.length + " shown";
            document.getElementById("empty").hidden = shown > 0;
            document.body.setAttribute("data-filtered", controls.some(function (c) { return c.value; }) ? "yes" : "no");
          }
          controls.forEach(function (c) { c.addEventListener("input", function () { apply(); writeUrl(); }); });
          window.addEventListener("hashchange", function () { readUrl(); apply(); });
          readUrl();
          apply();
        })();

        """;
}
