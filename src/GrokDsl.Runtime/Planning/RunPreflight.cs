using GrokDsl.Contracts;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Runtime.Planning;

/// <summary>One thing a run names that cannot be resolved, and in how many of the plan's runs it recurs.</summary>
/// <param name="RunIndex">The first run it was found in (its index in the plan).</param>
/// <param name="Runs">How many runs share the problem.</param>
public sealed record PreflightProblem(int RunIndex, string Message, int Runs);

/// <summary>
/// What every run of a plan names, resolved against the plugin host before anything trains: its dataset, model and
/// measure ids, each component's options (where its provider implements <see cref="IValidatesOptions"/>), and its
/// measure cadences. A sweep whose runs name something no plugin provides, or set an option the plugin rejects, is
/// refused whole, before any run directory exists, instead of failing (and being retried) run by run.
/// </summary>
public static class RunPreflight
{
    /// <summary>The distinct problems of <paramref name="runs"/>, in the order of the first run each was found in; empty when every run resolves.</summary>
    public static IReadOnlyList<PreflightProblem> Check(IReadOnlyList<RunSpec> runs, PluginHost plugins)
    {
        var resolved = new Dictionary<(ComponentKind, string, string), string?>();
        var problems = new Dictionary<string, (int First, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < runs.Count; i++)
            foreach (var problem in ProblemsOf(runs[i], plugins, resolved))
                problems[problem] = problems.TryGetValue(problem, out var seen) ? (seen.First, seen.Count + 1) : (i, 1);
        return [.. problems.OrderBy(p => p.Value.First).Select(p => new PreflightProblem(p.Value.First, p.Key, p.Value.Count))];
    }

    static IEnumerable<string> ProblemsOf(RunSpec run, PluginHost plugins, Dictionary<(ComponentKind, string, string), string?> resolved)
    {
        foreach (var component in new[] { run.Dataset, run.Model }.Concat(run.Measures))
        {
            // Keyed by options too: a sweep's runs share ids but not always options, and each distinct set is checked once.
            var key = (component.Kind, component.Id, component.Options.Json);
            if (!resolved.TryGetValue(key, out var problem)) resolved[key] = problem = Resolve(component, plugins);
            if (problem is not null) yield return problem;
        }
        string? cadences = null;
        try
        {
            MeasureSchedule.For(run);
        }
        catch (ArgumentException e)
        {
            cadences = e.Message;
        }
        if (cadences is not null) yield return cadences;
    }

    static string? Resolve(ComponentRef component, PluginHost plugins)
    {
        object provider;
        try
        {
            provider = component.Kind switch
            {
                ComponentKind.Dataset => plugins.Dataset(component.Id),
                ComponentKind.Model => plugins.Model(component.Id),
                _ => plugins.Measure(component.Id),
            };
        }
        catch (ComponentNotFoundException e)
        {
            return e.Message;
        }
        return provider is IValidatesOptions validator ? OptionsProblem(component, validator, plugins) : null;
    }

    static string? OptionsProblem(ComponentRef component, IValidatesOptions validator, PluginHost plugins)
    {
        try
        {
            validator.Validate(component.Options);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"{component}: {e.Message}";
        }
        catch (Exception e)
        {
            // A plugin's bug, not the user's options: say whose, so that it is not mistaken for a bad setting.
            var plugin = plugins.PluginOf(component.Kind, component.Id);
            return $"{component}: plugin {plugin.Id} threw {e.GetType().Name} while validating its options: {e.Message}";
        }
    }
}
