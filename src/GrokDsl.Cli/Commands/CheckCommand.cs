using System.CommandLine;
using GrokDsl.Cli.Compilation;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl check FILE.cs</c>: compile an experiment and print its diagnostics; never runs anything.</summary>
static class CheckCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The experiment file to check." };
        var maxRuns = CommonOptions.MaxRuns();
        var plugins = CommonOptions.Plugins();
        var command = new Command("check", """
            Compile an experiment file with the GrokDsl generator and analyzers and print diagnostics
            as path(line,col): error CODE: message; then create its experiments and check every run of
            their sweeps as `run` does (ids, sweep size, option values, the components and measures each run
            names, resolved against the plugins). Trains nothing; exit code 2 when
            there are errors, so a file `check` accepts is one `run` accepts.

            Examples:
              grokdsl check experiments/Power2022.cs
              grokdsl check MyExperiment.cs --quiet
              grokdsl check BigSweep.cs --max-runs 50000
            """) { file, maxRuns, plugins };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (CommonOptions.ParseMaxRuns(result.GetValue(maxRuns)) is not { } limit) return ExitCodes.InvalidExperiment;
            var diagnostics = new ExperimentCompiler(ExperimentCompiler.DefaultCacheFolder) { MaxRuns = limit }.Check(path);
            foreach (var line in diagnostics) Console.WriteLine(line);
            var errors = diagnostics.Count(d => d.Contains("): error ", StringComparison.Ordinal));
            if (errors > 0)
            {
                Console.WriteLine($"{errors} error(s)");
                return ExitCodes.InvalidExperiment;
            }
            // What only shows once the experiment exists: an empty file, a throwing initializer, values computed or passed through.
            if (!ExperimentArguments.CheckFile(path, limit, GlobalOptions.Of(result), result.GetValue(plugins) ?? []))
            {
                Console.WriteLine("not runnable");
                return ExitCodes.InvalidExperiment;
            }
            Console.WriteLine("ok");
            return ExitCodes.Ok;
        });
        return command;
    }
}
