using System.Runtime.InteropServices;
using GrokDsl.Runtime.Devices;

namespace GrokDsl.Runtime.Tests.Devices;

/// <summary>
/// The settings the runtime applies as it loads (<see cref="NativeStartup"/>): glibc's fixed mmap threshold (a freed
/// tensor-sized block must not raise it, or the next tensors of that size land on the heap, which grows without bound)
/// and libgomp's spin count in the C environment, where libgomp reads it.
/// </summary>
public sealed class NativeStartupTests
{
    // glibc keeps a chunk's size in the word before the pointer it returns; bit 1 (IS_MMAPPED) marks a chunk that has a
    // mapping of its own. Reading it is independent of what other threads allocate meanwhile.
    const long IsMmapped = 0x2;

    [Fact]
    public void AFreedLargeBlockLeavesTheNextSmallerOneInAMappingOfItsOwn()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(GlibcMalloc.InEffect, "mallopt(M_MMAP_THRESHOLD) was not applied on this Linux host");

        // glibc's dynamic rule raises the threshold to the size of a freed mapped block (here 16 MiB), after which a
        // 12 MiB block comes from the heap. With the fixed 128 KiB threshold it is mapped. (AllocHGlobal is malloc on Unix.)
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(16 << 20));
        var block = Marshal.AllocHGlobal(12 << 20);
        try
        {
            Assert.True((Marshal.ReadInt64(block, -8) & IsMmapped) != 0, "a 12 MiB block after a freed 16 MiB one came from the heap");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }

    [Fact]
    public void OpenMpThreadsSpinBrieflyUnlessTheUserChose()
    {
        if (!OperatingSystem.IsLinux()) return;
        NativeStartup.Apply();
        var expected = OpenMpSpinning.SetHere ? OpenMpSpinning.SpinCount.ToString() : Environment.GetEnvironmentVariable(OpenMpSpinning.Variable);
        if (!OpenMpSpinning.SetHere) Assert.True(expected is not null || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null,
            "GOMP_SPINCOUNT was not set although the user set neither it nor OMP_WAIT_POLICY");
        Assert.Equal(expected, Marshal.PtrToStringUTF8(getenv(OpenMpSpinning.Variable)));
    }

    [DllImport("libc", ExactSpelling = true)]
    static extern IntPtr getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
