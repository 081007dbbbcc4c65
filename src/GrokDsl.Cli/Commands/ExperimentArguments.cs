using GrokDsl.Cli.Compilation;
using GrokDsl.Overrides;
using GrokDsl.Validation;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// The experiment a command line names (file or built-in id, --id) with its --set/--sweep overrides applied
/// and every run validated; shared by <c>run</c>, the <c>sweep</c> commands and <c>check</c>, so all three accept
/// and refuse the same experiments with the same messages.
/// </summary>
static class ExperimentArguments
{
    /// <summary>The experiment, or null after printing why it cannot be used.</summary>
    /// <param name="maxRuns">The most runs its sweep may have (<c>--max-runs</c>).</param>
    public static IExperiment? Resolve(string experimentArgument, string? id, IReadOnlyList<string> sets, IReadOnlyList<string> sweeps,
        long maxRuns = ExperimentInfo.DefaultMaxRuns, Verbosity verbosity = Verbosity.Normal) =>
        Guarded(verbosity, () =>
        {
            var overrides = ExperimentOverrides.Parse(sets, sweeps);
            var experiment = overrides.ApplyTo(Resolver(maxRuns).Resolve(experimentArgument, id));
            return IsRunnable(experiment, maxRuns) ? experiment : null;
        });

    /// <summary>
    /// Whether every experiment of a file passes what <see cref="Resolve"/> checks and what `run` then checks against the
    /// plugins (<see cref="Preflight"/>), after printing each problem (for <c>check</c>).
    /// </summary>
    public static bool CheckFile(string path, long maxRuns, Verbosity verbosity, IReadOnlyList<string> pluginFolders) =>
        Guarded(verbosity, () => Resolver(maxRuns).LoadFile(path)) is { } experiments
        && experiments.Select(experiment => IsRunnable(experiment, maxRuns) && PassesPlugins(RunPlan.Create(experiment, ExperimentReference.From(path, experiment.Info.Id), "runs", pluginFolders)))
            .ToList().All(static runnable => runnable);

    static bool PassesPlugins(RunPlan plan)
    {
        Preflight.WarnOfUnreadAxes(plan);
        return Preflight.Passes(plan);
    }

    static ExperimentResolver Resolver(long maxRuns) => new(new ExperimentCompiler(ExperimentCompiler.DefaultCacheFolder) { MaxRuns = maxRuns });

    // What the analyzers could not see (ids and sizes of compiled-in or overridden experiments; computed, overridden and
    // swept values) is checked before any run starts. The size comes from the axes, so a runaway sweep is refused at once.
    static bool IsRunnable(IExperiment experiment, long maxRuns)
    {
        var id = experiment.Info.Id;
        if (IdRules.Problem(id) is { } badId)
        {
            Console.Error.WriteLine($"error: experiment id '{id}' {badId}; ids use only {IdRules.Allowed}, without '..', at most {IdRules.MaxLength} characters");
            return false;
        }
        if (experiment.Info.SweepSize > maxRuns)
        {
            var axes = string.Join(" × ", experiment.Info.AxisSizes.GroupBy(a => a.Zip ?? "\0" + a.Axis)
                .Select(g => $"{string.Join("+", g.Select(a => a.Axis))} {Number(g.Max(a => a.Values))}"));
            Console.Error.WriteLine($"error: {id}: the sweep has {Describe(experiment.Info.SweepSize)} runs ({axes}), more than the limit of {Number(maxRuns)}; " +
                                    "shrink it, or raise the limit with --max-runs N");
            return false;
        }
        var problems = experiment.ExpandSweep().SelectMany(run => run.Validate()).Distinct().ToList();
        foreach (var problem in problems) Console.Error.WriteLine($"error: {id}: {problem}");
        return problems.Count == 0;
    }

    static string Describe(long runs) => runs == long.MaxValue ? $"more than {Number(long.MaxValue - 1)}" : Number(runs);

    static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    static T? Guarded<T>(Verbosity verbosity, Func<T?> resolve) where T : class
    {
        try
        {
            return resolve();
        }
        catch (OverrideException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
        catch (CompilationFailedException e)
        {
            foreach (var line in e.Diagnostics) Console.Error.WriteLine(line);
        }
        catch (ExperimentCreationException e)
        {
            // Where the user's code threw and what it said; the frames through reflection only with --verbose.
            Console.Error.WriteLine(e.Describe());
            if (verbosity == Verbosity.Verbose) Console.Error.WriteLine(e.InnerException);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
        return null;
    }
}
