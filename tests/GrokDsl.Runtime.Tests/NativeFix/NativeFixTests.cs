using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.NativeFix;

/// <summary>
/// The build patches libLibTorchSharp.so in this test's output (build/NativeFix.targets) where the host
/// libstdc++ lacks GLIBCXX_3.4.32. These tests check that the patched copy loads, and that the patch
/// went to a copy, never through a hard link into the NuGet cache.
/// </summary>
public sealed class NativeFixTests
{
    static string OutputLibrary =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).Single();

    static string CacheLibrary
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                           ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    static bool HostNeedsPatch =>
        ElfVersionNeeds.FindHostLibStdCxx() is { } host && !ElfVersionNeeds.Defines(host, ElfVersionNeeds.MissingVersion);

    [Fact]
    public void TorchSharpLoadsAndComputes()
    {
        using var a = ones(3, 4);
        using var b = ones(4, 2);
        using var product = a.matmul(b);
        Assert.Equal(4f, product[0, 0].item<float>());
    }

    [Fact]
    public void OutputCopyHasTheVersionNeedMarkedWeakWhereTheHostNeedsIt()
    {
        if (!OperatingSystem.IsLinux()) return;
        var flags = ElfVersionNeeds.ReadFlags(OutputLibrary, ElfVersionNeeds.MissingVersion);
        Assert.NotNull(flags);
        Assert.Equal(HostNeedsPatch, (flags!.Value & 0x2) != 0);
    }

    [Fact]
    public void NuGetCacheCopyIsUntouched()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(CacheLibrary)) return;
        Assert.Equal((ushort)0, ElfVersionNeeds.ReadFlags(CacheLibrary, ElfVersionNeeds.MissingVersion));
        if (HostNeedsPatch) Assert.NotEqual(Inode(CacheLibrary), Inode(OutputLibrary));
    }

    [Fact]
    public void PatchingIsIdempotentAndBreaksHardLinks()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(CacheLibrary)) return;
        var folder = Directory.CreateTempSubdirectory("grokdsl-patch-").FullName;
        try
        {
            var original = Path.Combine(folder, "original.so");
            var linked = Path.Combine(folder, "libLibTorchSharp.so");
            File.Copy(CacheLibrary, original);
            Assert.Equal(0, link(original, linked));

            Assert.True(ElfVersionNeeds.MarkWeak(linked, ElfVersionNeeds.MissingVersion));
            Assert.False(ElfVersionNeeds.MarkWeak(linked, ElfVersionNeeds.MissingVersion));

            Assert.Equal((ushort)0, ElfVersionNeeds.ReadFlags(original, ElfVersionNeeds.MissingVersion));
            Assert.Equal((ushort)2, ElfVersionNeeds.ReadFlags(linked, ElfVersionNeeds.MissingVersion));
            Assert.NotEqual(Inode(original), Inode(linked));
            Assert.Equal(File.GetLastWriteTimeUtc(original), File.GetLastWriteTimeUtc(linked));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NonElfInputIsRejectedWithTheFileName()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a library");
            var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.ReadFlags(file, ElfVersionNeeds.MissingVersion));
            Assert.Contains(file, error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    static ulong Inode(string path)
    {
        Assert.Equal(0, stat(path, out var info));
        return info.Inode;
    }

    [DllImport("libc", SetLastError = true)]
    static extern int link(string oldPath, string newPath);

    // x86_64 glibc struct stat: st_dev (8 bytes), then st_ino (8 bytes); the rest is padding here.
    [StructLayout(LayoutKind.Sequential)]
    struct StatBuffer
    {
        public ulong Device;
        public ulong Inode;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 128)] public byte[] Rest;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    static extern int stat(string path, out StatBuffer buffer);
}
