using AngleSharp.Html.Parser;

namespace Extraction.Ml.Ner;

/// <summary>
/// The unlabelled sentences word clusters are built from: the tokens of GermEval files (labels
/// ignored) and the text of articles and pages (files or folders, read in ordinal order of their
/// paths): the lines of .txt and .md files, the paragraphs and headings of .html and .htm pages,
/// every line tokenised as the recogniser tokenises. Pages are read by their markup alone, not by
/// the pipeline's cleaning, so a change of the cleaning rules does not change the clusters.
/// </summary>
public static class ClusterCorpus
{
    private static readonly string[] TextFiles = [".txt", ".md"];
    private static readonly string[] Pages = [".html", ".htm"];

    /// <summary>The sentences of the inputs and the number of text files and pages read; throws <see cref="IOException"/> naming a missing input.</summary>
    public static (List<IReadOnlyList<string>> Sentences, int Files) Read(IReadOnlyList<string> germEvalFiles, IReadOnlyList<string> textInputs)
    {
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var s in GermEvalReader.Read([.. germEvalFiles]))
        {
            sentences.Add(s.Tokens);
        }

        var files = 0;
        var parser = new HtmlParser();
        foreach (var path in Files(textInputs))
        {
            var text = File.ReadAllText(path);
            IEnumerable<string> lines = Pages.Contains(Path.GetExtension(path).ToLowerInvariant())
                ? parser.ParseDocument(text).QuerySelectorAll("p, h1, h2, h3, h4, h5, h6").Select(e => e.TextContent)
                : text.Split('\n');
            files++;
            foreach (var line in lines)
            {
                var tokens = OrgRecognizer.Tokenize(line);
                if (tokens.Count > 0)
                {
                    sentences.Add(tokens);
                }
            }
        }

        return (sentences, files);
    }

    private static IEnumerable<string> Files(IReadOnlyList<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                foreach (var f in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => TextFiles.Contains(Path.GetExtension(f).ToLowerInvariant()) || Pages.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal))
                {
                    yield return f;
                }
            }
            else if (File.Exists(input))
            {
                yield return input;
            }
            else
            {
                throw new FileNotFoundException($"{input}: no such file or folder", input);
            }
        }
    }
}
