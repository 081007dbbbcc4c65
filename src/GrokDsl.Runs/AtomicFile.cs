using System.Runtime.InteropServices;
using System.Text;

namespace GrokDsl.Runs;

/// <summary>
/// Writes whole files so that a reader (or a crash) sees the old content or the new, never a mix:
/// temp file in the same folder (rename is atomic only within one file system), flush to disk, rename,
/// then flush the folder so that the rename itself survives a power loss.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        FlushFolder(folder);
    }

    /// <summary>
    /// fsync of a folder, which .NET has no API for. Best effort: the file's content is already on disk;
    /// only the rename could be lost to a power cut, and then the previous version is what remains.
    /// </summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var descriptor = Open(folder, 0 /* O_RDONLY */);
        if (descriptor < 0) return;
        Fsync(descriptor);
        Close(descriptor);
    }

    [DllImport("libc", EntryPoint = "open")]
    static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    static extern int Close(int descriptor);
}
