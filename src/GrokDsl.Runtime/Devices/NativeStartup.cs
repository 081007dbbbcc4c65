using System.Runtime.CompilerServices;

namespace GrokDsl.Runtime.Devices;

/// <summary>
/// Process-wide settings of the native libraries under TorchSharp that must be in place before libtorch loads or
/// allocates: <see cref="GlibcMalloc"/> and <see cref="OpenMpSpinning"/>. Applied as soon as this assembly loads (a
/// module initializer), so that the CLI, the benchmarks and any host of the runtime (tests, notebooks) get them without
/// environment variables; the CLI calls <see cref="Apply"/> first thing as well. Each is a no-op off Linux/glibc.
/// </summary>
public static class NativeStartup
{
    // A library's module initializer on purpose: every host of the runtime must get the settings before it trains,
    // and a host cannot be relied on to call Apply (tests, notebooks).
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Process-wide native settings for every host of the runtime.")]
    internal static void Initialize() => Apply();

    /// <summary>Applies the settings (once; later calls do nothing).</summary>
    public static void Apply()
    {
        GlibcMalloc.Apply();
        OpenMpSpinning.Apply();
    }
}
