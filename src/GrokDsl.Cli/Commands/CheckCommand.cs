using System.CommandLine;
using GrokDsl.Cli.Compilation;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl check FILE.cs</c>: compile an experiment and print its diagnostics; never runs anything.</summary>
static class CheckCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The experiment file to check." };
        var command = new Command("check", """
            Compile an experiment file with the GrokDsl generator and analyzers and print diagnostics
            as path(line,col): error CODE: message. Runs nothing; exit code 2 when there are errors.

            Examples:
              grokdsl check experiments/Power2022.cs
              grokdsl check MyExperiment.cs --quiet
            """) { file };
        command.SetAction(result =>
        {
            var diagnostics = new ExperimentCompiler(ExperimentCompiler.DefaultCacheFolder).Check(result.GetValue(file)!);
            foreach (var line in diagnostics) Console.WriteLine(line);
            var errors = diagnostics.Count(d => d.Contains("): error ", StringComparison.Ordinal));
            Console.WriteLine(errors == 0 ? "ok" : $"{errors} error(s)");
            return errors == 0 ? ExitCodes.Ok : ExitCodes.InvalidExperiment;
        });
        return command;
    }
}
