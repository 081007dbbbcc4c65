using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Coordination;

/// <summary>What the coordinator does between runs, for the command's log. Training itself reports to an <see cref="Execution.ITrainingObserver"/>.</summary>
public interface ISweepLog
{
    /// <summary>Plugin folders changed since the last run and were reloaded before <paramref name="nextRun"/> (hot reload).</summary>
    void OnPluginsChanged(string nextRun, PluginRefresh refresh) { }

    /// <summary>The stack packing, before anything trains.</summary>
    void OnPacked(StackPlan packing) { }

    /// <summary>An attempt at <paramref name="what"/> threw; <paramref name="retrying"/> says whether another follows.</summary>
    void OnAttemptFailed(string what, int attempt, int attempts, Exception error, bool retrying) { }

    /// <summary>A run of the invocation ended (trained, reused, failed or not started), <paramref name="position"/> of <paramref name="count"/>.</summary>
    void OnRunEnded(SweepEntry entry, int position, int count) { }
}

/// <summary>A log that says nothing.</summary>
public sealed class SilentSweepLog : ISweepLog
{
    public static SilentSweepLog Instance { get; } = new();
}
