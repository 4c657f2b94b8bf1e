using System.Text.Json;

namespace Extraction.Output;

/// <summary>The article ids of an articles.jsonl file, read without parsing the article texts.</summary>
public static class ArticleIds
{
    private enum Line
    {
        Found,
        Blank,
        NeedMore,
        Bad,
    }

    /// <summary>
    /// Reads the `article` of every line: each object is read up to that property (the first, as
    /// `extract run` writes it) and the rest of the line is skipped to its newline. A line without
    /// one throws <see cref="FormatException"/> naming file and line.
    /// </summary>
    public static HashSet<string> Read(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var (filled, line, eof, skipping) = (0, 1, false, false);
        while (true)
        {
            var pos = 0;
            while (pos < filled)
            {
                var rest = buffer.AsSpan(pos, filled - pos);
                var nl = rest.IndexOf((byte)'\n');
                if (skipping)
                {
                    if (nl < 0)
                    {
                        pos = filled;
                        break;
                    }

                    (pos, line, skipping) = (pos + nl + 1, line + 1, false);
                    continue;
                }

                var result = ReadLine(nl >= 0 ? rest[..nl] : rest, complete: nl >= 0 || eof, out var id);
                if (result == Line.NeedMore)
                {
                    break;
                }

                if (result == Line.Bad)
                {
                    throw new FormatException($"{path}:{line}: not an article line (an object with \"article\")");
                }

                if (result == Line.Found)
                {
                    ids.Add(id!);
                }

                if (nl < 0)
                {
                    // The id was read; the rest of this long line is still to come.
                    (pos, skipping) = (filled, result == Line.Found);
                    break;
                }

                (pos, line) = (pos + nl + 1, line + 1);
            }

            // Keep the unread start of a line; a line whose id is beyond the buffer grows it.
            buffer.AsSpan(pos, filled - pos).CopyTo(buffer);
            filled -= pos;
            if (eof)
            {
                return ids;
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var n = stream.Read(buffer, filled, buffer.Length - filled);
            eof = n == 0;
            filled += n;
        }
    }

    private static Line ReadLine(ReadOnlySpan<byte> text, bool complete, out string? id)
    {
        id = null;
        if (text.Trim(" \t\r"u8).IsEmpty)
        {
            return complete ? Line.Blank : Line.NeedMore;
        }

        var more = complete ? Line.Bad : Line.NeedMore;
        var reader = new Utf8JsonReader(text, isFinalBlock: complete, state: default);
        try
        {
            if (!reader.Read())
            {
                return more;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Line.Bad;
            }

            while (true)
            {
                if (!reader.Read())
                {
                    return more;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return Line.Bad;
                }

                var isArticle = reader.ValueTextEquals("article"u8);
                if (!reader.Read())
                {
                    return more;
                }

                if (isArticle)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return Line.Bad;
                    }

                    id = reader.GetString();
                    return Line.Found;
                }

                if (!reader.TrySkip())
                {
                    return more;
                }
            }
        }
        catch (JsonException)
        {
            return Line.Bad;
        }
    }
}
