using System.Runtime.InteropServices;

namespace GrokDsl.Runtime.Devices;

/// <summary>
/// glibc's malloc settings for libtorch's CPU tensors, applied once per process by <see cref="NativeStartup"/> as soon
/// as the runtime loads. A no-op off Linux and off glibc (musl has no <c>mallopt</c>).
/// <para>
/// Why: libtorch allocates every CPU tensor with <c>posix_memalign</c> (64-byte alignment). glibc before 2.38 rarely
/// reuses freed chunks for aligned requests, and its dynamic mmap threshold moves every tensor of a few MiB onto the
/// heap after the first such free, so a training loop that allocates and frees the same few MiB-sized activations
/// every step grows its heap without bound: the default experiment reached 2.7 GiB by step 800 and 5 GiB by grokking
/// on a loaded 2-core machine, with no tensor leaked (docs/performance.md, Memory). A fixed mmap threshold keeps
/// every tensor from 128 KiB up in its own mapping, returned to the kernel when freed (and, being fixed, glibc no longer
/// raises it). The price, page faults for every new mapping, did not show: the default experiment's system time was
/// 26 s with it and 28 s without, on the same loaded machine.
/// </para>
/// </summary>
public static class GlibcMalloc
{
    // mallopt parameters of glibc's malloc.h.
    const int MmapThresholdParameter = -3;

    /// <summary>Allocations from this size up get a mapping of their own (glibc's initial default, which it otherwise raises).</summary>
    public const int MmapThresholdBytes = 128 * 1024;

    /// <summary>Whether the settings are in effect in this process (false off Linux/glibc, or where <c>mallopt</c> refused them).</summary>
    public static bool InEffect { get; private set; }

    /// <summary>Applies the settings (once; later calls do nothing).</summary>
    internal static void Apply()
    {
        if (InEffect || !OperatingSystem.IsLinux()) return;
        try
        {
            InEffect = mallopt(MmapThresholdParameter, MmapThresholdBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, for one, has neither mallopt nor its tunables): leave the allocator as it is.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
    static extern int mallopt(int parameter, int value);
}
