namespace Extraction.Fetch;

/// <summary>Expands command-line inputs (files, folders, URLs, URL lists) into articles to fetch.</summary>
public static class InputResolver
{
    /// <summary>File extensions read as articles.</summary>
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".html", ".htm", ".txt", ".md" };

    /// <summary>Resolves inputs; every input that cannot be used is reported, never thrown.</summary>
    public static (IReadOnlyList<InputItem> Items, IReadOnlyList<InputFailure> Failures) Resolve(
        IEnumerable<string> inputs, string? urlsFile = null)
    {
        var items = new List<InputItem>();
        var failures = new List<InputFailure>();
        foreach (var input in inputs)
        {
            ResolveOne(input, items, failures);
        }

        if (urlsFile is not null)
        {
            ReadUrlList(urlsFile, items, failures);
        }

        var unique = items
            .GroupBy(i => i.ArticleId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(i => i.ArticleId, StringComparer.Ordinal)
            .ToList();
        return (unique, failures);
    }

    private static void ResolveOne(string input, List<InputItem> items, List<InputFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            failures.Add(new InputFailure(input, "empty input"));
            return;
        }

        if (input.Contains("://", StringComparison.Ordinal))
        {
            AddUrl(input.Trim(), items, failures);
            return;
        }

        if (Directory.Exists(input))
        {
            WalkFolder(input, items, failures);
            return;
        }

        if (File.Exists(input))
        {
            var ext = Path.GetExtension(input);
            if (!Extensions.Contains(ext))
            {
                failures.Add(new InputFailure(input, $"unsupported file type '{ext}' (expected .html, .htm, .txt or .md)"));
                return;
            }

            items.Add(new InputItem(Path.GetFileName(input), Path.GetFullPath(input), InputKind.File));
            return;
        }

        failures.Add(new InputFailure(input, "no such file or folder"));
    }

    private static void AddUrl(string url, List<InputItem> items, List<InputFailure> failures)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            failures.Add(new InputFailure(url, "not a valid URL"));
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add(new InputFailure(url, $"unsupported URL scheme '{uri.Scheme}' (only http and https)"));
            return;
        }

        items.Add(new InputItem(url, uri.AbsoluteUri, InputKind.Url));
    }

    private static void ReadUrlList(string urlsFile, List<InputItem> items, List<InputFailure> failures)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(urlsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add(new InputFailure(urlsFile, $"cannot read URL list: {ex.Message}"));
            return;
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            AddUrl(line, items, failures);
        }
    }

    /// <summary>
    /// Walks a folder recursively in a stable order. Hidden entries, README files (a folder of saved
    /// articles often describes itself) and symlinks that lead outside the folder are skipped.
    /// </summary>
    private static void WalkFolder(string folder, List<InputItem> items, List<InputFailure> failures)
    {
        var root = Path.GetFullPath(folder);
        var rootWithSep = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add(new InputFailure(Relative(root, dir), $"cannot read folder: {ex.Message}"));
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry.LinkTarget is not null && !LinkStaysInside(entry, rootWithSep))
                {
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    if (entry.LinkTarget is null)
                    {
                        pending.Push(sub.FullName);
                    }

                    continue;
                }

                if (!Extensions.Contains(entry.Extension)
                    || entry.Name.StartsWith("README", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                items.Add(new InputItem(Relative(root, entry.FullName), entry.FullName, InputKind.File));
            }
        }
    }

    private static bool LinkStaysInside(FileSystemInfo entry, string rootWithSep)
    {
        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
        return target is not null && target.FullName.StartsWith(rootWithSep, StringComparison.Ordinal);
    }

    private static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
