using System.Text;

namespace Extraction.Fetch;

/// <summary>The robots.txt rules (RFC 9309) that apply to one product token, with longest-match precedence.</summary>
public sealed class RobotsTxt
{
    /// <summary>The product token this crawler matches in User-agent lines.</summary>
    public const string DefaultProductToken = "ExtractionBot";

    private readonly Rule[] _rules;

    private RobotsTxt(Rule[] rules) => _rules = rules;

    /// <summary>Rules that allow every path: no robots.txt, or one that names no group for us.</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Number of Allow/Disallow rules that apply to the product token.</summary>
    public int RuleCount => _rules.Length;

    /// <summary>
    /// Parses robots.txt text and keeps the groups for <paramref name="productToken"/>, or the "*" groups when no
    /// group names it. Unknown lines are ignored, as RFC 9309 asks.
    /// </summary>
    public static RobotsTxt Parse(string content, string productToken = DefaultProductToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(productToken);

        var specific = new List<Rule>();
        var wildcard = new List<Rule>();
        var namesUs = false;
        var groupIsOurs = false;
        var groupIsWildcard = false;
        // User-agent lines that follow each other open one group; the first rule closes the list of agents.
        var collectingAgents = false;

        foreach (var rawLine in content.AsSpan().EnumerateLines())
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().TrimStart('\uFEFF');
            var value = line[(colon + 1)..].Trim();

            if (key.Equals("user-agent", StringComparison.OrdinalIgnoreCase)
                || key.Equals("useragent", StringComparison.OrdinalIgnoreCase))
            {
                if (!collectingAgents)
                {
                    groupIsOurs = false;
                    groupIsWildcard = false;
                    collectingAgents = true;
                }

                var agent = ProductTokenOf(value);
                if (agent.Equals("*", StringComparison.Ordinal))
                {
                    groupIsWildcard = true;
                }
                else if (agent.Equals(productToken, StringComparison.OrdinalIgnoreCase))
                {
                    groupIsOurs = true;
                    namesUs = true;
                }

                continue;
            }

            var allow = key.Equals("allow", StringComparison.OrdinalIgnoreCase);
            if (!allow && !key.Equals("disallow", StringComparison.OrdinalIgnoreCase))
            {
                // Sitemap, Crawl-delay and unknown records neither end a group nor carry rules for us.
                continue;
            }

            collectingAgents = false;
            if (value.IsEmpty)
            {
                // "Disallow:" with no path allows everything; it adds no rule.
                continue;
            }

            var rule = new Rule(allow, NormalizePattern(value));
            if (groupIsOurs)
            {
                specific.Add(rule);
            }

            if (groupIsWildcard)
            {
                wildcard.Add(rule);
            }
        }

        var rules = namesUs ? specific : wildcard;
        return rules.Count == 0 ? AllowAll : new RobotsTxt([.. rules]);
    }

    /// <summary>
    /// Whether a path (with its query, e.g. "/a/b?c=d") may be fetched: the longest matching rule decides, Allow
    /// winning a tie; no match allows. /robots.txt itself is always allowed.
    /// </summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var path = string.IsNullOrEmpty(pathAndQuery) ? "/" : NormalizePath(pathAndQuery);
        if (path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var rule in _rules)
        {
            var length = rule.Pattern.Length;
            if (length < bestLength || (length == bestLength && allowed))
            {
                continue;
            }

            if (Matches(rule.Pattern, path))
            {
                bestLength = length;
                allowed = rule.Allow;
            }
        }

        return allowed;
    }

    private static ReadOnlySpan<char> ProductTokenOf(ReadOnlySpan<char> userAgent)
    {
        // "ExtractionBot/1.0 (+url)" names the product token ExtractionBot.
        var end = userAgent.IndexOfAny('/', ' ', '\t');
        return end < 0 ? userAgent : userAgent[..end];
    }

    private static string NormalizePattern(ReadOnlySpan<char> pattern)
    {
        var normalized = NormalizePath(pattern.ToString());
        return normalized.StartsWith('/') || normalized.StartsWith('*') ? normalized : "/" + normalized;
    }

    // Paths are compared as URLs send them: non-ASCII as UTF-8 percent escapes, escapes in upper case.
    private static string NormalizePath(string path)
    {
        var builder = new StringBuilder(path.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
            }
            else if (c < 0x80)
            {
                builder.Append(c);
            }
            else
            {
                var scalarLength = char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]) ? 2 : 1;
                var rune = scalarLength == 2 ? new Rune(c, path[i + 1]) : (Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar);
                var written = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..written])
                {
                    builder.Append('%').Append(b.ToString("X2"));
                }

                i += scalarLength - 1;
            }
        }

        return builder.ToString();
    }

    // '*' matches any run of characters, a final '$' anchors the end; otherwise a pattern matches a prefix.
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        var s = path.AsSpan();

        int pi = 0, si = 0, star = -1, resume = 0;
        while (si < s.Length)
        {
            if (pi == p.Length && !anchored)
            {
                return true;
            }

            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                resume = si;
            }
            else if (pi < p.Length && p[pi] == s[si])
            {
                pi++;
                si++;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    private readonly record struct Rule(bool Allow, string Pattern);
}
