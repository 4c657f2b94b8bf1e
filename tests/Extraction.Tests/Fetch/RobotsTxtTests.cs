using Extraction.Fetch;

namespace Extraction.Tests.Fetch;

public sealed class RobotsTxtTests
{
    private const string OursAndStar = """
        # Everyone else is kept out; we may read all but /private/, except /private/open.
        User-agent: *
        Disallow: /

        User-agent: ExtractionBot
        Disallow: /private/
        Allow: /private/open
        """;

    private const string StarOnly = """
        User-agent: *
        Disallow: /admin
        Disallow: /*.pdf$
        Allow: /admin/public
        """;

    private const string SharedGroup = """
        User-agent: OtherBot
        User-agent: extractionbot/2.0
        Disallow: /shared
        Sitemap: https://example.invalid/sitemap.xml
        Disallow: /also-ours

        User-agent: ThirdBot
        Disallow: /third
        """;

    private const string SplitGroups = """
        User-agent: ExtractionBot
        Disallow: /a

        User-agent: *
        Disallow: /b

        User-agent: ExtractionBot
        Disallow: /c
        """;

    private const string Wildcards = """
        User-agent: *
        Disallow: /search*q=
        Disallow: /*/print$
        Allow: /fish*
        Disallow: /fish/salmon
        Disallow: /page
        Allow: /page
        Disallow: /%c3%a4
        """;

    private const string Empty = """
        User-agent: *
        Disallow:
        """;

    private const string NoGroups = """
        Disallow: /before-any-agent
        this line has no colon
        """;

    // The longest rule listed first: a shorter one after it, or one as long, must not take over.
    private const string LongestFirst = """
        User-agent: *
        Allow: /archiv/frei
        Disallow: /archiv
        Allow: /seite
        Disallow: /seite
        Disallow: /
        """;

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        { "our group wins over *", OursAndStar, "/news/article-1", true },
        { "our group disallows", OursAndStar, "/private/secret", false },
        { "longer Allow beats shorter Disallow", OursAndStar, "/private/open", true },
        { "Allow is a prefix match", OursAndStar, "/private/open/more", true },
        { "* group used when none names us", StarOnly, "/admin/users", false },
        { "prefix match is not a word match", StarOnly, "/administrator", false },
        { "longest match allows", StarOnly, "/admin/public/page", true },
        { "$ anchors the end", StarOnly, "/files/report.pdf", false },
        { "$ does not match a longer path", StarOnly, "/files/report.pdf?download=1", true },
        { "no rule matches", StarOnly, "/news", true },
        { "agents listed together share a group, case-insensitively, version ignored", SharedGroup, "/shared/x", false },
        { "Sitemap does not end a group", SharedGroup, "/also-ours", false },
        { "another bot's group does not apply", SharedGroup, "/third", true },
        { "a path outside our rules is allowed", SharedGroup, "/anything", true },
        { "groups naming us are merged (first)", SplitGroups, "/a", false },
        { "groups naming us are merged (second)", SplitGroups, "/c", false },
        { "* group ignored when a group names us", SplitGroups, "/b", true },
        { "* matches within the path and the query", Wildcards, "/search/all?lang=de&q=ki", false },
        { "* rule needs all its parts", Wildcards, "/search/all?lang=de", true },
        { "*…$ pattern", Wildcards, "/2024/article/print", false },
        { "*…$ pattern, longer path", Wildcards, "/2024/article/print/2", true },
        { "longer Disallow beats Allow with *", Wildcards, "/fish/salmon.html", false },
        { "Allow with * alone", Wildcards, "/fishing", true },
        { "Allow wins a tie", Wildcards, "/page", true },
        { "percent escapes compare case-insensitively", Wildcards, "/%C3%A4rger", false },
        { "non-ASCII in a path is compared as UTF-8 escapes", Wildcards, "/ärger", false },
        { "empty Disallow allows all", Empty, "/anything", true },
        { "rules before any User-agent are ignored", NoGroups, "/before-any-agent", true },
        { "/robots.txt is always allowed", OursAndStar.Replace("Disallow: /private/", "Disallow: /", StringComparison.Ordinal), "/robots.txt", true },
        { "empty path is the root", StarOnly, "", true },
        { "User-agent may be written without its hyphen", "Useragent: *\nDisallow: /intern\n", "/intern/liste", false },
        { "a pattern without its leading / gets one", "User-agent: *\nDisallow: intern\n", "/intern/liste", false },
        { "a pattern may start with *", "User-agent: *\nDisallow: *.pdf\n", "/berichte/2025.pdf", false },
        { "a pattern starting with * still needs its rest", "User-agent: *\nDisallow: *.pdf\n", "/berichte/2025.html", true },
        { "a shorter rule listed after the longest match does not decide", LongestFirst, "/archiv/frei/text", true },
        { "a rule as long listed after the Allow does not win the tie", LongestFirst, "/seite", true },
        { "the shorter rule applies where the longer does not match", LongestFirst, "/archiv/alt", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsAllowed_RobotsTable_MatchesExpected(string scenario, string robots, string path, bool expected)
    {
        var rules = RobotsTxt.Parse(robots);

        Assert.True(expected == rules.IsAllowed(path), $"{scenario}: expected {(expected ? "allowed" : "disallowed")} for '{path}'");
    }

    [Fact]
    public void Parse_OtherProductToken_UsesItsGroup()
    {
        var rules = RobotsTxt.Parse(SharedGroup, "ThirdBot");

        Assert.False(rules.IsAllowed("/third"));
        Assert.True(rules.IsAllowed("/shared"));
    }

    [Fact]
    public void Parse_CrLfCommentsAndBom_Understood()
    {
        var rules = RobotsTxt.Parse("\uFEFFUser-Agent: *   # all\r\nDISALLOW: /x # not x\r\n");

        Assert.Equal(1, rules.RuleCount);
        Assert.False(rules.IsAllowed("/x/y"));
        Assert.True(rules.IsAllowed("/y"));
    }

    [Fact]
    public void Parse_SitemapBetweenTheAgents_NeitherEndsTheirListNorBecomesARule()
    {
        // A Sitemap (or any other record) between two User-agent lines leaves them one group; its value is no path.
        var rules = RobotsTxt.Parse("User-agent: ExtractionBot\nSitemap: /karte.xml\nUser-agent: AndererBot\nDisallow: /intern\n");

        Assert.Equal(1, rules.RuleCount);
        Assert.False(rules.IsAllowed("/intern/liste"));
        Assert.True(rules.IsAllowed("/karte.xml"));
    }

    [Fact]
    public void AllowAll_AnyPath_Allowed()
    {
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/private/anything"));
        Assert.Equal(0, RobotsTxt.AllowAll.RuleCount);
    }

    [Fact]
    public void IsAllowed_EmptyPath_IsTheRoot()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /$\n");

        Assert.False(robots.IsAllowed(""));
        Assert.False(robots.IsAllowed("/"));
        Assert.True(robots.IsAllowed("/seite"));
    }

    [Fact]
    public void IsAllowed_CharacterOutsideTheBasicPlane_ComparedAsItsUtf8Escapes()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\U0001F600/\n");

        Assert.False(robots.IsAllowed("/%F0%9F%98%80/bild"));
        Assert.False(robots.IsAllowed("/\U0001F600/bild"));
        Assert.True(robots.IsAllowed("/%F0%9F%98%81/bild"));
    }

    [Fact]
    public void IsAllowed_LoneSurrogateAtTheEnd_ComparedAsTheReplacementCharacter()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a\uD83D\n");

        Assert.False(robots.IsAllowed("/a%EF%BF%BD"));
        Assert.True(robots.IsAllowed("/a"));
    }

    [Fact]
    public void IsAllowed_PercentEscapes_ComparedInUpperCase()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /%7euser/\n");

        Assert.False(robots.IsAllowed("/%7Euser/seite"));
        Assert.False(robots.IsAllowed("/%7euser/seite"));
        Assert.True(robots.IsAllowed("/%7Fuser/seite"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Parse_BlankProductToken_Refused(string token) =>
        Assert.ThrowsAny<ArgumentException>(() => RobotsTxt.Parse("User-agent: *\nDisallow: /\n", token));

    [Fact]
    public void Parse_NullContent_ThrowsNamingIt() =>
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => RobotsTxt.Parse(null!)).ParamName);

    [Fact]
    public void IsAllowed_PercentWithOneCharacterLeft_ComparedAsWritten()
    {
        // "%4" at the end is not an escape (two hex digits needed): it is kept, and nothing is read past the end.
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /rabatt%4\n");

        Assert.False(robots.IsAllowed("/rabatt%4"));
        Assert.False(robots.IsAllowed("/rabatt%41"));
        Assert.True(robots.IsAllowed("/rabatt%"));
    }

    [Fact]
    public void IsAllowed_PatternEndingInStars_MatchesThePathWithoutThem()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /archiv**\n");

        Assert.False(robots.IsAllowed("/archiv"));
        Assert.False(robots.IsAllowed("/archiv/2024"));
        Assert.True(robots.IsAllowed("/arch"));
    }
}
