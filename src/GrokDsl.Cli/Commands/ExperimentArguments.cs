using GrokDsl.Cli.Compilation;
using GrokDsl.Overrides;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// The experiment a command line names (file or built-in id, --id) with its --set/--sweep overrides applied
/// and every run validated; shared by <c>run</c> and the <c>sweep</c> commands so both accept the same overrides.
/// </summary>
static class ExperimentArguments
{
    /// <summary>The experiment, or null after printing why it cannot be used.</summary>
    public static IExperiment? Resolve(string experimentArgument, string? id, IReadOnlyList<string> sets, IReadOnlyList<string> sweeps)
    {
        try
        {
            var overrides = ExperimentOverrides.Parse(sets, sweeps);
            var experiment = overrides.ApplyTo(new ExperimentResolver(new ExperimentCompiler(ExperimentCompiler.DefaultCacheFolder)).Resolve(experimentArgument, id));

            // Values the analyzers could not see (computed, overridden, swept) are checked before any run starts.
            var problems = experiment.ExpandSweep().SelectMany(run => run.Validate()).Distinct().ToList();
            foreach (var problem in problems) Console.Error.WriteLine($"error: {experiment.Info.Id}: {problem}");
            return problems.Count == 0 ? experiment : null;
        }
        catch (OverrideException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
        catch (CompilationFailedException e)
        {
            foreach (var line in e.Diagnostics) Console.Error.WriteLine(line);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
        return null;
    }
}
