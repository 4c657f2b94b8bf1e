using System.CommandLine;
using System.Globalization;
using Extraction.Feeds;

namespace Extraction.Cli;

/// <summary>The `extract run` options that read news feeds and sitemaps (Feeds/).</summary>
internal sealed class FeedOptionSet
{
    public Option<string?> FeedsFile { get; } = new("--feeds") { Description = "A file with one RSS/Atom feed or (news) sitemap URL a line ('#' starts a comment): their new and changed articles are the inputs." };

    public Option<string[]> Feed { get; } = new("--feed") { Description = "An RSS/Atom feed or sitemap (index) URL; repeatable.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> Since { get; } = new("--since") { Description = "Feeds: skip items dated before this (e.g. 2026-12-01 or 2026-12-01T06:00:00+01:00)." };

    public Option<int?> MaxItems { get; } = new("--max-items") { Description = "Feeds: at most N items per feed, newest first." };

    public Option<bool> Recheck { get; } = new("--recheck") { Description = "Feeds: ask the server (conditional request) about every known article, not only those whose feed date changed." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { FeedsFile, Feed, Since, MaxItems, Recheck })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Whether any feed was asked for.</summary>
    public bool Given(ParseResult r) => r.GetValue(FeedsFile) is not null || r.GetValue(Feed) is { Length: > 0 };

    /// <summary>The feed source for the run, or null with the reason on stderr.</summary>
    public FeedSource? TryCreate(ParseResult r, long maxBytes, TextWriter stderr)
    {
        DateTimeOffset? since = null;
        if (r.GetValue(Since) is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                stderr.WriteLine($"extract run: --since '{text}' is not a date (e.g. 2026-12-01 or 2026-12-01T06:00:00+01:00).");
                return null;
            }

            since = parsed;
        }

        try
        {
            return new FeedSource(
                new FeedOptions
                {
                    Feeds = r.GetValue(Feed) ?? [],
                    FeedsFile = r.GetValue(FeedsFile),
                    Since = since,
                    MaxItems = r.GetValue(MaxItems),
                    Recheck = r.GetValue(Recheck),
                    MaxBytes = Math.Max(maxBytes, 50L * 1024 * 1024),
                },
                TimeProvider.System);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine("extract run: " + ex.Message);
            return null;
        }
    }
}
