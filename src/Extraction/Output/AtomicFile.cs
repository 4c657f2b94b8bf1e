using System.Text;

namespace Extraction.Output;

/// <summary>Writes files whole or not at all: to a temporary file beside the target, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes lines (UTF-8, '\n' endings) atomically.</summary>
    public static void WriteLines(string path, IEnumerable<string> lines)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                foreach (var line in lines)
                {
                    writer.WriteLine(line);
                }

                writer.Flush();
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
