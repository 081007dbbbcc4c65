// Makes TorchSharp 0.107.0's libLibTorchSharp.so loadable on hosts whose libstdc++ predates GCC 13
// (Debian 12, Ubuntu 22.04, RHEL 9). The library names GLIBCXX_3.4.32 for a single symbol,
// std::ios_base_library_init(), that nothing calls; marking that one version-need entry weak
// (VER_FLG_WEAK) lets the loader accept the library. See docs/environment.md.
//
// This file is compiled twice: by MSBuild as an inline task (build/NativeFix.targets), against
// netstandard, and by the tests, which define GROKDSL_ELF_ONLY to get the ELF logic without the
// MSBuild types. Keep it to netstandard2.0 APIs.
#nullable enable
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

public static class ElfVersionNeeds
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    const ushort VerFlagWeak = 0x2;
    const uint ShtGnuVerneed = 0x6ffffffe;

    static readonly string[] LibraryFolders =
    {
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib",
    };

    /// <summary>The host's libstdc++.so.6, or null when there is none (not Linux, or an unusual layout).</summary>
    public static string? FindHostLibStdCxx()
    {
        foreach (var folder in LibraryFolders)
        {
            var candidate = Path.Combine(folder, "libstdc++.so.6");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Whether the library file defines the given symbol version (its name appears NUL-terminated).</summary>
    public static bool Defines(string libraryPath, string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        var haystack = File.ReadAllBytes(libraryPath);
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    /// <summary>
    /// Flags of the version-need entry named <paramref name="version"/>, or null when the file
    /// does not need that version.
    /// </summary>
    public static ushort? ReadFlags(string elfPath, string version)
    {
        var bytes = File.ReadAllBytes(elfPath);
        var offset = FindAuxEntry(bytes, version, elfPath);
        return offset < 0 ? null : BitConverter.ToUInt16(bytes, offset + 4);
    }

    /// <summary>
    /// Marks the version need weak. Patches a copy and renames it over the original, so a hard link
    /// into the NuGet cache is replaced rather than modified. Keeps the original timestamp so
    /// MSBuild's incremental copy sees the file as up to date. Returns false when nothing changed.
    /// </summary>
    public static bool MarkWeak(string elfPath, string version)
    {
        var bytes = File.ReadAllBytes(elfPath);
        var offset = FindAuxEntry(bytes, version, elfPath);
        if (offset < 0) return false;
        var flags = BitConverter.ToUInt16(bytes, offset + 4);
        if ((flags & VerFlagWeak) != 0) return false;

        flags |= VerFlagWeak;
        var stamp = File.GetLastWriteTimeUtc(elfPath);
        var temp = elfPath + ".grokdsl-patch";
        File.Copy(elfPath, temp, overwrite: true); // a new inode that keeps the file mode
        using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
        {
            stream.Position = offset + 4;
            stream.WriteByte((byte)(flags & 0xff));
            stream.WriteByte((byte)(flags >> 8));
        }
        File.SetLastWriteTimeUtc(temp, stamp);
        File.Replace(temp, elfPath, destinationBackupFileName: null);
        return true;
    }

    // Returns the file offset of the Elf64_Vernaux entry whose name is `version`, or -1.
    static int FindAuxEntry(byte[] b, string version, string path)
    {
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file");
        if (b[4] != 2 || b[5] != 1)
            throw new InvalidDataException($"{path}: only 64-bit little-endian ELF is supported");

        var sectionTable = (int)BitConverter.ToUInt64(b, 0x28);
        var sectionSize = BitConverter.ToUInt16(b, 0x3a);
        var sectionCount = BitConverter.ToUInt16(b, 0x3c);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + i * sectionSize;
            if (BitConverter.ToUInt32(b, header + 4) != ShtGnuVerneed) continue;

            var verneed = (int)BitConverter.ToUInt64(b, header + 0x18);
            var stringSection = sectionTable + (int)BitConverter.ToUInt32(b, header + 0x28) * sectionSize;
            var strings = (int)BitConverter.ToUInt64(b, stringSection + 0x18);
            var needCount = BitConverter.ToUInt32(b, header + 0x2c);

            var need = verneed;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = BitConverter.ToUInt16(b, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(b, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadCString(b, strings + (int)BitConverter.ToUInt32(b, aux + 8));
                    if (name == version) return aux;
                    aux += (int)BitConverter.ToUInt32(b, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(b, need + 12);
            }
        }
        return -1;
    }

    static string ReadCString(byte[] b, int start)
    {
        var end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, end - start);
    }
}

#if !GROKDSL_ELF_ONLY
/// <summary>MSBuild task: patches every libLibTorchSharp.so under a folder when the host needs it.</summary>
public sealed class PatchLibTorchSharp : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required] public string Folder { get; set; } = "";

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !Directory.Exists(Folder)) return true;
        var host = ElfVersionNeeds.FindHostLibStdCxx();
        if (host is null || ElfVersionNeeds.Defines(host, ElfVersionNeeds.MissingVersion)) return true;

        foreach (var library in Directory.EnumerateFiles(Folder, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            if (ElfVersionNeeds.MarkWeak(library, ElfVersionNeeds.MissingVersion))
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    $"GrokDsl: {host} lacks {ElfVersionNeeds.MissingVersion}; marked that version need weak in {library} (a copy; the NuGet cache is untouched).");
        }
        return true;
    }
}
#endif
