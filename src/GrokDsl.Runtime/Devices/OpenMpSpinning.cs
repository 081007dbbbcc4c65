using System.Runtime.InteropServices;

namespace GrokDsl.Runtime.Devices;

/// <summary>
/// How long libtorch's OpenMP threads (GNU libgomp, bundled with the CPU libtorch) spin at the end of each parallel
/// operation before they sleep. libgomp's default, 300,000 spins, is fine on a machine of one's own; on a shared one
/// where other processes keep the cores busy, a thread that spins holds a core that its partner, still computing, is
/// waiting for, and every one of the hundreds of small operations of a step pays for it: the default experiment ran
/// 3.5 steps/s with the default and 8.1 with 10,000 spins on the loaded 2-core machine (docs/performance.md). The
/// number of threads is unchanged, so results are bit for bit the same. libgomp reads its environment once, when it
/// loads; this sets <c>GOMP_SPINCOUNT</c> before libtorch does, unless the user has chosen a spin count or a wait
/// policy (<c>OMP_WAIT_POLICY</c>) already. Applied with <see cref="GlibcMalloc"/> by <see cref="NativeStartup"/>.
/// </summary>
public static class OpenMpSpinning
{
    public const string Variable = "GOMP_SPINCOUNT";

    /// <summary>Spins before sleeping: tens of microseconds, enough to catch the next operation of a step on a quiet machine.</summary>
    public const int SpinCount = 10_000;

    /// <summary>Whether this process set <see cref="Variable"/> (false where the user set it or a wait policy, or off Linux).</summary>
    public static bool SetHere { get; private set; }

    /// <summary>The spin count in effect and who chose it, for benchmark headers.</summary>
    public static string Describe() =>
        SetHere ? $"{Variable}={SpinCount} (set by GrokDsl)"
        : Environment.GetEnvironmentVariable(Variable) is { } own ? $"{Variable}={own} (yours)"
        : Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is { } policy ? $"OMP_WAIT_POLICY={policy} (yours)"
        : "libgomp's default spinning";

    internal static void Apply()
    {
        if (SetHere || !OperatingSystem.IsLinux()) return;
        if (Environment.GetEnvironmentVariable(Variable) is not null || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null) return;
        try
        {
            // .NET keeps its own copy of the environment; libgomp reads the C library's.
            SetHere = setenv(Variable, SpinCount.ToString(), 0) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library by that name: leave libgomp's default.
        }
    }

    [DllImport("libc", EntryPoint = "setenv", ExactSpelling = true)]
    static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
