using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl run --watch</c>, after the first sweep: wait until the plugin folders or the experiment
/// file change, refresh the plugins (reloading replaced ones, loading new ones), and run the sweep
/// again. Runs that use a plugin which changed train again; runs whose configuration is new train;
/// every other run is reused from its run directory.
/// </summary>
static class RunWatch
{
    // Long enough for a multi-file copy or an editor's save to finish before anything reloads.
    static readonly TimeSpan Quiet = PluginHost.DefaultSettleTime;

    public static int Loop(PluginHost host, string? experimentFile, IExperiment experiment,
        Func<IExperiment?> resolveAgain, Func<IExperiment, Func<RunSpec, bool>, int> runSweep, CancellationToken stop)
    {
        using var watcher = host.Watch(experimentFile is null ? [] : [experimentFile]);
        var exitCode = ExitCodes.Ok;
        var experimentStamp = Stamp(experimentFile);
        var watched = string.Join(", ", host.SearchedFolders.Append(experimentFile).OfType<string>());
        while (true)
        {
            Console.WriteLine($"watching {watched}{(watcher.IsPolling ? " (polling)" : "")}; Ctrl+C stops");
            if (!watcher.WaitForChange(Quiet, stop)) return exitCode;

            var refresh = RefreshUntilSettled(host, stop);
            foreach (var line in refresh.Describe()) Console.WriteLine(line);

            var stamp = Stamp(experimentFile);
            if (stamp != experimentStamp)
            {
                experimentStamp = stamp;
                if (resolveAgain() is not { } changed) continue; // the errors are printed; wait for the next save
                experiment = changed;
                Console.WriteLine($"{experimentFile}: changed; running what is new");
            }
            else if (!refresh.Changed) continue;

            var changedPlugins = refresh.ChangedIds;
            exitCode = runSweep(experiment, spec => UsesAny(host, spec, changedPlugins));
        }
    }

    // A folder still being written is left alone by Refresh; look again once it has been quiet long enough.
    static PluginRefresh RefreshUntilSettled(PluginHost host, CancellationToken stop)
    {
        var refresh = host.Refresh(stop);
        var (added, reloaded, removed) = (refresh.Added.ToList(), refresh.Reloaded.ToList(), refresh.Removed.ToList());
        while (refresh.Settling.Count > 0 && !stop.WaitHandle.WaitOne(Quiet))
        {
            refresh = host.Refresh(stop);
            (added, reloaded, removed) = ([.. added, .. refresh.Added], [.. reloaded, .. refresh.Reloaded], [.. removed, .. refresh.Removed]);
        }
        return new PluginRefresh(added, reloaded, removed, refresh.Settling);
    }

    static bool UsesAny(PluginHost host, RunSpec spec, IReadOnlySet<string> plugins) =>
        new[] { spec.Dataset, spec.Model }.Concat(spec.Measures).Any(component =>
        {
            try
            {
                return plugins.Contains(host.PluginOf(component.Kind, component.Id).Id);
            }
            catch (ComponentNotFoundException)
            {
                return false; // the run reports it
            }
        });

    // The text itself: an editor that saves without changing anything triggers no runs.
    static string? Stamp(string? file)
    {
        try
        {
            return file is not null && File.Exists(file) ? File.ReadAllText(file) : null;
        }
        catch (IOException)
        {
            return null; // mid-save; the save's own event brings us back
        }
    }
}
