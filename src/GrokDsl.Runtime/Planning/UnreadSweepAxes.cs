using System.Text.Json;

namespace GrokDsl.Runtime.Planning;

/// <summary>
/// The sweep axes of a plan that change nothing a run trains with: runs that differ in such an axis alone hand the
/// same seed, components, options, optimizer, training and stopping settings to the trainer, so no component reads the
/// property and the sweep trains the same run several times under different ids. Found from the expanded runs, so it
/// covers <c>--sweep</c> overrides and compiled-in experiments as well as the files the analyzer (GROK0016) sees.
/// </summary>
public static class UnreadSweepAxes
{
    /// <summary>The setting paths of the axes that change no run, in axis order.</summary>
    public static IReadOnlyList<string> Of(RunPlan plan)
    {
        var axes = plan.Experiment.Info.SweepAxes.Count;
        if (axes == 0 || plan.Runs.Count < 2) return [];
        var settings = plan.Origins.Select(origin => origin.Swept).ToList();
        var trained = plan.Runs.Select(WhatTrains).ToList();
        var unread = new List<string>();
        for (var axis = 0; axis < axes; axis++)
        {
            // Runs alike in every other axis; within such a group, an axis that is read changes what trains.
            var groups = Enumerable.Range(0, plan.Runs.Count)
                .GroupBy(run => string.Join('\n', settings[run].Where((_, a) => a != axis)))
                .Where(group => group.Select(run => settings[run][axis]).Distinct().Count() > 1)
                .ToList();
            if (groups.Count > 0 && groups.All(group => group.Select(run => trained[run]).Distinct().Count() == 1))
                unread.Add(settings[0][axis].Split('=')[0]);
        }
        return unread;
    }

    // Everything the trainer receives from the run, and nothing else of the experiment's configuration.
    static string WhatTrains(RunSpec run) => string.Join('\n',
    [
        run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        .. new[] { run.Dataset, run.Model }.Concat(run.Measures).Select(c => $"{c.Kind} {c.Id} {c.Options.Json}"),
        JsonSerializer.Serialize(run.Optimizer, run.Optimizer.GetType()),
        JsonSerializer.Serialize(run.Training),
        JsonSerializer.Serialize(run.Stopping),
    ]);
}
