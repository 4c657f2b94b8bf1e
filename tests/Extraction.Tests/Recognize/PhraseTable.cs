using System.Globalization;
using System.Text;

namespace Extraction.Tests.Recognize;

/// <summary>Loads phrases.tsv: one German phrase a line with the mention the recognizers must find in it.</summary>
public static class PhraseTable
{
    public const string FileName = "phrases.tsv";

    /// <summary>The rows as xunit theory data: phrase, kind, min, max, currency or unit, qualifier, model, text.</summary>
    public static TheoryData<string, string, string, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string, string, string, string, string>();
        foreach (var c in Read())
        {
            data.Add(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        }

        return data;
    }

    /// <summary>The data rows (header and comment lines skipped), each with the escapes in its text columns resolved.</summary>
    public static List<string[]> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recognize", FileName);
        var rows = new List<string[]>();
        var header = true;
        var lineNo = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 8)
            {
                throw new InvalidDataException($"{FileName}:{lineNo}: expected 8 tab-separated columns, found {cols.Length}");
            }

            cols[0] = Unescape(cols[0]);
            cols[7] = Unescape(cols[7]);
            rows.Add(cols);
        }

        return rows;
    }

    /// <summary>Parses a base-unit amount: "80e9", "2500000.5".</summary>
    public static decimal ParseAmount(string s) =>
        decimal.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Resolves \uXXXX escapes, so invisible spaces stay readable in the file.</summary>
    public static string Unescape(string s)
    {
        if (!s.Contains("\\u", StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 5 < s.Length && s[i + 1] == 'u'
                && int.TryParse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 5;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }
}
