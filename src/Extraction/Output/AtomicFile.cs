using System.Text;

namespace Extraction.Output;

/// <summary>Writes files whole or not at all: to a temporary file beside the target, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes lines (UTF-8, '\n' endings) atomically.</summary>
    public static void WriteLines(string path, IEnumerable<string> lines) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    });

    /// <summary>Writes what <paramref name="write"/> puts into the stream, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes one text atomically.</summary>
    public static void WriteText(string path, string text) => WriteLines(path, [text.TrimEnd('\n')]);
}
