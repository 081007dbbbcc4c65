using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using GrokDsl.PluginHostTests.Support;
using GrokDsl.Runtime.Plugins;
using static GrokDsl.PluginHostTests.Support.FixturePlugins;

namespace GrokDsl.PluginHostTests;

/// <summary>Unloading really frees a plugin: no load context survives a reload or the host, even after a run used the plugin.</summary>
public sealed class UnloadTests
{
    [Fact]
    public void TheOldBuildsLoadContextIsCollectedAfterAReloadEvenThoughARunUsedIt()
    {
        using var plugins = new TempFolder();
        using var runs = new TempFolder();
        var folder = Install(V1, plugins.Path);
        using var host = PluginHost.Load([plugins.Path, BuiltInFolder], TimeSpan.Zero);
        TinyRuns.Run(host, TinyRuns.Spec(0, "fixture-measure", "fixture-throwing-measure"), runs.Path, new RecordingObserver());
        var (context, assembly) = WeakHandlesOnFixture(host);

        CopyOver(V2, folder);
        host.Refresh();

        Assert.True(IsCollected(context), "the old load context is still alive");
        Assert.True(IsCollected(assembly), "the old assembly is still alive");
        Assert.Equal(2, Revision(host));
    }

    [Fact]
    public void DisposingTheHostUnloadsEveryPluginAndQuarantinedOnesLeaveNothingBehind()
    {
        using var plugins = new TempFolder();
        Install(V1, plugins.Path, "good");
        Install(ThrowingConstructor, plugins.Path, "throwing");
        var context = LoadAndDispose(plugins.Path);

        Assert.True(IsCollected(context), "the load context outlived its host");
        Assert.True(AfterCollecting(() => !FixtureContextsAlive()), "a fixture load context (the quarantined plugin's?) is still alive");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference LoadAndDispose(string plugins)
    {
        using var host = PluginHost.Load([plugins]);
        return WeakHandlesOnFixture(host).Context;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static (WeakReference Context, WeakReference Assembly) WeakHandlesOnFixture(PluginHost host)
    {
        var assembly = host.Measure("fixture-measure").GetType().Assembly;
        var context = AssemblyLoadContext.GetLoadContext(assembly)!;
        Assert.True(context.IsCollectible);
        return (new WeakReference(context), new WeakReference(assembly));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static double Revision(PluginHost host)
    {
        var type = host.Measure("fixture-measure").GetType().Assembly.GetType("GrokDsl.Fixtures.Revision", throwOnError: true)!;
        return (int)type.GetField("Number")!.GetRawConstantValue()!;
    }

    static bool IsCollected(WeakReference reference) => AfterCollecting(() => !reference.IsAlive);

    // Unloading finishes on a later GC, once finalizers have run; a few rounds are normal.
    static bool AfterCollecting(Func<bool> condition)
    {
        for (var i = 0; i < 20 && !condition(); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return condition();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool FixtureContextsAlive() =>
        AssemblyLoadContext.All.Any(c => c.Name == Path.GetFileNameWithoutExtension(EntryAssembly));
}
