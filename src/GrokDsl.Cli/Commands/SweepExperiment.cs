using GrokDsl.Cli.Compilation;
using GrokDsl.Cli.Launchers;

namespace GrokDsl.Cli.Commands;

/// <summary>Turns the sweep commands' experiment argument into a plan, or prints why it cannot.</summary>
static class SweepExperiment
{
    public static SweepPlan? Plan(string argument, string? id, string runsRoot, IEnumerable<string> pluginFolders)
    {
        try
        {
            var experiment = new ExperimentResolver(new ExperimentCompiler(ExperimentCompiler.DefaultCacheFolder)).Resolve(argument, id);
            return SweepPlan.Create(experiment, ExperimentReference.From(argument, id), runsRoot, pluginFolders);
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
