using System.Runtime.InteropServices;

namespace Extraction.Fetch;

/// <summary>
/// Files that are not files: opening a named pipe (FIFO) for reading waits until a writer comes, and
/// reading it waits for data, so one in a folder of saved pages would stop a run for ever. .NET tells
/// a pipe from a file by nothing it exposes (both are "Normal"), so on Linux the path is opened
/// without blocking first and asked to seek: a pipe or a socket cannot.
/// </summary>
internal static partial class SpecialFiles
{
    private const int ReadOnlyNonBlocking = 0x800; // O_RDONLY | O_NONBLOCK (Linux, every architecture .NET runs on)
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int SeekEnd = 2;
    private const int NotSeekable = 29; // ESPIPE

    /// <summary>Why <paramref name="path"/> is not read as a page (a pipe or socket), or null (a file, or not Linux, or it cannot be opened: the read that follows says why).</summary>
    public static string? Refusal(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var fd = Open(path, ReadOnlyNonBlocking | CloseOnExec);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            return Seek(fd, 0, SeekEnd) < 0 && Marshal.GetLastPInvokeError() == NotSeekable
                ? "not a regular file (a named pipe or socket), which would wait for a writer"
                : null;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial long Seek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
