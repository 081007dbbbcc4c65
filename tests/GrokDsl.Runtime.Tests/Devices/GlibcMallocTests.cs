using System.Runtime.InteropServices;
using GrokDsl.Runtime.Devices;

namespace GrokDsl.Runtime.Tests.Devices;

/// <summary>
/// The runtime fixes glibc's mmap threshold as it loads: a freed tensor-sized block must not raise the threshold, or
/// the next tensors of that size land on the heap, which grows without bound (docs/performance.md, Memory).
/// </summary>
public sealed class GlibcMallocTests
{
    [Fact]
    public void AFreedLargeBlockLeavesTheNextSmallerOneInAMappingOfItsOwn()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(GlibcMalloc.InEffect, "mallopt(M_MMAP_THRESHOLD) was not applied on this Linux host");

        // glibc's dynamic rule raises the threshold to the size of a freed mapped block (here 8 MiB); a 2 MiB block
        // after it would then come from the heap. With the fixed 128 KiB threshold it is mapped.
        // (Marshal.AllocHGlobal is malloc on Unix.)
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(8 << 20));
        var before = mallinfo2().hblks;
        var block = Marshal.AllocHGlobal(2 << 20);
        var during = mallinfo2().hblks;
        Marshal.FreeHGlobal(block);
        Assert.True(during > before, $"a 2 MiB block after a freed 8 MiB one was not mapped (mapped blocks {before} -> {during})");
    }

    [StructLayout(LayoutKind.Sequential)]
    struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc", ExactSpelling = true)]
    static extern MallInfo2 mallinfo2();
}
