using System.Text;

namespace Extraction.Feeds;

/// <summary>
/// Turns a feed item's link into the one key the store knows it by: absolute http(s), scheme and host in
/// lower case, no default port, no fragment, no tracking parameters (utm_*, fbclid, ...), other parameters kept in order.
/// </summary>
public static class LinkNormalizer
{
    // Parameters that only say where a click came from; the page is the same without them.
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "ttclid", "li_fat_id",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "xtor", "ocid", "cmpid", "wt_mc", "wt_zmc", "wt.mc_id",
        "ref_src", "sara_ecid",
    };

    private static readonly string[] TrackingPrefixes = ["utm_", "at_", "ns_", "pk_", "mtm_", "matomo_", "hsa_", "oly_", "vero_"];

    /// <summary>The normalised absolute link, or null when it is not an http(s) URL (the reason in <paramref name="reason"/>).</summary>
    public static string? Normalize(string? link, Uri? baseUrl, out string? reason)
    {
        reason = null;
        var text = link?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            reason = "no link";
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (baseUrl is null || !Uri.TryCreate(baseUrl, text, out uri)))
        {
            reason = $"not a valid link '{text}'";
            return null;
        }

        // "/pfad" parses as an absolute file URI on Unix; a feed means it relative to itself.
        if (uri.IsFile && baseUrl is not null && text.StartsWith('/') && Uri.TryCreate(baseUrl, text, out var relative))
        {
            uri = relative;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            reason = $"unsupported scheme '{uri.Scheme}' in '{text}'";
            return null;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(uri.Scheme).Append("://");
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            builder.Append(uri.UserInfo).Append('@');
        }

        // Uri keeps the host lower-cased and drops the scheme's default port from Authority.
        builder.Append(uri.IdnHost.TrimEnd('.'));
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(uri.AbsolutePath);
        var query = uri.Query;
        if (query.Length > 1)
        {
            var kept = 0;
            foreach (var part in query[1..].Split('&'))
            {
                if (part.Length == 0 || IsTracking(part))
                {
                    continue;
                }

                builder.Append(kept++ == 0 ? '?' : '&').Append(part);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a query parameter ("name=value") only tracks the click.</summary>
    public static bool IsTracking(string parameter)
    {
        var eq = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(eq < 0 ? parameter : parameter[..eq]);
        if (TrackingNames.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
