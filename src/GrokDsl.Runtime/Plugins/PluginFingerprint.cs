using System.Security.Cryptography;
using System.Text;

namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// What a plugin folder looks like on disk, reduced to one string: every file's path, size and write
/// time, plus the contents of the manifest and the entry assembly. Two fingerprints differ when files
/// were copied over, added, removed, or the whole folder was replaced by another one.
/// </summary>
/// <param name="Hash">Hex SHA-256 over the folder's description; equal hashes mean nothing changed.</param>
/// <param name="NewestWriteUtc">The latest write time of any file, to tell a copy still in progress.</param>
sealed record PluginFingerprint(string Hash, DateTime NewestWriteUtc)
{
    /// <summary>The short form shown to users, e.g. in <c>grokdsl plugins list</c>.</summary>
    public string Short => Hash[..12];

    /// <summary>Null when the folder changed while it was being read (files appearing or vanishing).</summary>
    public static PluginFingerprint? Of(string folder)
    {
        try
        {
            return Compute(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static PluginFingerprint Compute(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var newest = DateTime.MinValue;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => new FileInfo(path))
            .OrderBy(file => file.FullName, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file.FullName);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{file.Length}\0{file.LastWriteTimeUtc.Ticks}\n"));
            if (file.LastWriteTimeUtc > newest) newest = file.LastWriteTimeUtc;
        }

        // Size and write time can survive a rebuild (same length, restored timestamps); contents cannot.
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        AppendContents(hash, manifestPath);
        if (EntryAssemblyOf(manifestPath) is { } entry) AppendContents(hash, Path.Combine(folder, entry));
        return new PluginFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), newest);
    }

    static void AppendContents(IncrementalHash hash, string path)
    {
        if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
    }

    static string? EntryAssemblyOf(string manifestPath)
    {
        try
        {
            return PluginManifest.Read(manifestPath).EntryAssembly;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
