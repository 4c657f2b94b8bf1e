using System.Text;

namespace Extraction.Corpus;

/// <summary>
/// Writes a synthetic corpus of realistic articles by recombining the sample pages: each article
/// takes one sample's shell (head, banners, ads, comments, footer) and fills its body with sample
/// paragraphs, whose figures and organisations vary. A page's size is drawn between the minimum and
/// the maximum; in the realistic profile the article text is 1.5 to 12 KB and page furniture
/// (<see cref="PageFurniture"/>) makes up the rest, in the dense profile paragraphs fill it all. Deterministic: the same seed, samples and options give byte-identical
/// files. Articles are written one at a time, so memory stays flat whatever the count.
/// </summary>
public sealed class CorpusGenerator
{
    /// <summary>Versions of one paragraph (figures, organisations); a few per paragraph, so stories recur across articles as in real news.</summary>
    private const int Variants = 32;

    /// <summary>Longer paragraphs (a page printed three times in one line) would dominate the pool.</summary>
    private const int MaxPoolParagraphChars = 1500;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly CorpusOptions _options;
    private readonly List<SampleShell> _shells;
    private readonly List<string> _pool;
    private readonly Dictionary<(int Paragraph, int Variant, int Mode), string> _variants = [];

    /// <summary>Builds a generator; throws <see cref="ArgumentException"/> for bad options or samples without body text.</summary>
    public CorpusGenerator(CorpusOptions options)
    {
        options.Validate();
        _options = options;
        var all = Directory.EnumerateFiles(options.SamplesFolder)
            .Where(p => Path.GetExtension(p).ToLowerInvariant() is ".html" or ".htm" or ".txt" or ".md"
                && !Path.GetFileName(p).StartsWith("README", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => SampleShell.Parse(Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
        _pool = all.SelectMany(s => s.Paragraphs).Where(p => p.Length <= MaxPoolParagraphChars).Distinct(StringComparer.Ordinal).ToList();
        _shells = all.Where(s => s.Slots > 0 && options.Formats switch
        {
            CorpusFormats.Html => s.IsHtml,
            CorpusFormats.Text => !s.IsHtml,
            _ => true,
        }).ToList();
        if (_shells.Count == 0 || _pool.Count == 0)
        {
            throw new ArgumentException($"no sample in '{options.SamplesFolder}' has body paragraphs to recombine (for format {options.Formats})", nameof(options));
        }
    }

    /// <summary>Names of the samples used as page shells.</summary>
    public IReadOnlyList<string> Shells => _shells.Select(s => s.Name).ToList();

    /// <summary>Number of distinct body paragraphs recombined.</summary>
    public int Paragraphs => _pool.Count;

    /// <summary>Writes <see cref="CorpusOptions.Count"/> articles under <paramref name="outDir"/> (subfolders of 1,000).</summary>
    public CorpusSummary WriteTo(string outDir, Action<int>? progress = null, CancellationToken ct = default)
    {
        long bytes = 0;
        var html = 0;
        for (var i = 0; i < _options.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(outDir, RelativePath(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(i, file);
                bytes += file.Length;
            }

            if (ShellOf(i).IsHtml)
            {
                html++;
            }

            progress?.Invoke(i + 1);
        }

        return new CorpusSummary(_options.Count, html, _options.Count - html, bytes);
    }

    /// <summary>Where article <paramref name="index"/> goes, relative to the corpus folder.</summary>
    public string RelativePath(int index)
    {
        var shell = ShellOf(index);
        return FormattableString.Invariant($"{index / 1000:D3}/{index:D6}-{Path.GetFileNameWithoutExtension(shell.Name)}{shell.Extension}");
    }

    /// <summary>Writes the bytes of article <paramref name="index"/>; they depend on the seed, the index and the samples only.</summary>
    public void Write(int index, Stream output)
    {
        var rng = ArticleRandom(index);
        var shell = _shells[rng.Next(_shells.Count)];
        var target = LogUniform(ref rng, _options.MinBytes, _options.MaxBytes);
        var encoding = shell.IsLatin1 ? Encoding.Latin1 : Utf8;
        using var writer = new StreamWriter(output, encoding, 1 << 16, leaveOpen: true);
        if (_options.Profile == CorpusProfile.Dense)
        {
            WriteDense(shell, target, ref rng, writer, encoding);
        }
        else
        {
            WriteRealistic(shell, target, ref rng, writer, encoding);
        }
    }

    // The body grows until the page reaches its size: every byte past the shell is article text.
    private void WriteDense(SampleShell shell, long target, ref CorpusRandom rng, StreamWriter writer, Encoding encoding)
    {
        var mode = Mode(shell);
        var separator = Separator(shell);
        var separatorBytes = encoding.GetByteCount(separator);
        var suffixBytes = encoding.GetByteCount(shell.Literals[^1]);
        long written = 0;
        void Put(string s)
        {
            writer.Write(s);
            written += encoding.GetByteCount(s);
        }

        for (var slot = 0; slot < shell.Slots; slot++)
        {
            Put(shell.Literals[slot]);
            if (slot < shell.Slots - 1)
            {
                Put(Paragraph(ref rng, mode));
                continue;
            }

            // The last slot grows the page: paragraphs (repeats included) until the target size.
            for (var first = true; ; first = false)
            {
                var p = Paragraph(ref rng, mode);
                var add = (first ? 0 : separatorBytes) + encoding.GetByteCount(p);
                if (!first && written + add + suffixBytes > _options.MaxBytes)
                {
                    break;
                }

                if (!first)
                {
                    Put(separator);
                }

                Put(p);
                if (written + suffixBytes >= target)
                {
                    break;
                }
            }
        }

        Put(shell.Literals[^1]);
    }

    // An article of 1.5 to 12 KB in its shell; page furniture makes up the rest of the page size.
    private void WriteRealistic(SampleShell shell, long target, ref CorpusRandom rng, StreamWriter writer, Encoding encoding)
    {
        var mode = Mode(shell);
        var separator = Separator(shell);
        var bodyTarget = LogUniform(ref rng, BodyMinBytes, BodyMaxBytes);
        var paragraphs = new List<string>();
        long body = 0;
        while (paragraphs.Count < shell.Slots || body < bodyTarget)
        {
            var p = Paragraph(ref rng, mode);
            paragraphs.Add(p);
            body += encoding.GetByteCount(p) + (paragraphs.Count >= shell.Slots ? encoding.GetByteCount(separator) : 0);
        }

        // Furniture blocks do not hit their budget to the byte: aim, measure, correct (on the same
        // random state, so the page stays a function of the seed), until the size is within bounds.
        var fixedBytes = body + shell.Literals.Sum(l => (long)encoding.GetByteCount(l));
        var budget = Math.Max(0, target - fixedBytes);
        string[] literals = shell.Literals;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var furnitureRng = rng;
            literals = WithFurniture(shell, (int)budget, ref furnitureRng);
            var total = body + literals.Sum(l => (long)encoding.GetByteCount(l));
            if (attempt > 0 && total >= _options.MinBytes && total <= _options.MaxBytes)
            {
                break;
            }

            budget = Math.Max(0, budget + Math.Clamp(target, _options.MinBytes + 512, _options.MaxBytes - 512) - total);
        }

        var next = 0;
        for (var slot = 0; slot < shell.Slots; slot++)
        {
            writer.Write(literals[slot]);
            var last = slot == shell.Slots - 1;
            for (var first = true; next < paragraphs.Count && (first || last); first = false)
            {
                if (!first)
                {
                    writer.Write(separator);
                }

                writer.Write(paragraphs[next++]);
            }
        }

        writer.Write(literals[^1]);
    }

    // The shell's literals with page furniture of about 'bytes' characters around the article.
    private static string[] WithFurniture(SampleShell shell, int bytes, ref CorpusRandom rng)
    {
        var literals = (string[])shell.Literals.Clone();
        if (shell.IsHtml)
        {
            var nav = PageFurniture.HtmlNavigation(ref rng);
            var rest = Math.Max(0, bytes - nav.Length);
            var head = PageFurniture.HtmlHead(ref rng, rest * 9 / 20);
            var bottom = PageFurniture.HtmlBottom(ref rng, rest - head.Length);
            literals[0] = InsertBefore(literals[0], "</head>", head, atEnd: false);
            var bodyTag = literals[0].IndexOf("<body", StringComparison.OrdinalIgnoreCase);
            var bodyOpen = bodyTag < 0 ? -1 : literals[0].IndexOf('>', bodyTag);
            literals[0] = bodyOpen < 0 ? nav + literals[0] : literals[0].Insert(bodyOpen + 1, nav);
            literals[^1] = InsertBefore(literals[^1], "</body>", bottom, atEnd: true);
        }
        else
        {
            var top = PageFurniture.TextTop(ref rng);
            literals[0] = top + literals[0];
            literals[^1] += PageFurniture.TextBottom(ref rng, Math.Max(0, bytes - top.Length));
        }

        return literals;
    }

    /// <summary>Article text of a realistic page: a short report to a long feature.</summary>
    private const int BodyMinBytes = 1536;

    private const int BodyMaxBytes = 12 * 1024;

    private static long LogUniform(ref CorpusRandom rng, long min, long max)
    {
        var lo = Math.Log(min);
        return (long)Math.Exp(lo + (rng.NextDouble() * (Math.Log(max) - lo)));
    }

    private static int Mode(SampleShell shell) => (shell.IsHtml ? 1 : 0) + (shell.IsLatin1 ? 2 : 0);

    private static string Separator(SampleShell shell) => shell.IsHtml ? "\n" + shell.LastSlotIndent : "\n\n";

    // Inserts before the (first, or with atEnd the last) occurrence of a tag, or at that end of the text without it.
    private static string InsertBefore(string text, string tag, string insert, bool atEnd)
    {
        var at = atEnd ? text.LastIndexOf(tag, StringComparison.OrdinalIgnoreCase) : text.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (atEnd ? text + insert : insert + text) : text.Insert(at, insert);
    }

    private CorpusRandom ArticleRandom(int index) => new(CorpusRandom.Mix(_options.Seed, (ulong)index, 1));

    private SampleShell ShellOf(int index)
    {
        var rng = ArticleRandom(index);
        return _shells[rng.Next(_shells.Count)];
    }

    // One body paragraph, ready to write: in an HTML element or as a text line, in the shell's charset.
    private string Paragraph(ref CorpusRandom rng, int mode)
    {
        var key = (rng.Next(_pool.Count), rng.Next(Variants), mode);
        if (!_variants.TryGetValue(key, out var text))
        {
            text = ParagraphVariation.Vary(_pool[key.Item1], CorpusRandom.Mix(_options.Seed, (ulong)key.Item1, (ulong)key.Item2 + 2));
            if ((mode & 2) != 0)
            {
                text = ParagraphVariation.ToLatin1Typography(text);
            }

            if ((mode & 1) != 0)
            {
                text = "<p>" + text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal) + "</p>";
            }

            _variants[key] = text;
        }

        return text;
    }
}
