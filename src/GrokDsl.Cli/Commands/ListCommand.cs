using System.CommandLine;
using GrokDsl.Cli.Terminal;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl list</c>: the built-in experiments.</summary>
static class ListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var command = new Command("list", """
            List the built-in experiments (ids usable with `grokdsl run`).

            Examples:
              grokdsl list
              grokdsl list --json
            """)
        {
            json,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(json))
            {
                var experiments = ExperimentResolver.BuiltIn.Select(e => new { e.Info.Id, Runs = e.ExpandSweep().Count(), e.Info.Source });
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(experiments, GrokDsl.Runs.RunJson.Indented));
                return ExitCodes.Ok;
            }
            var table = TablePrinter.Plain("experiment", "runs", "source");
            foreach (var experiment in ExperimentResolver.BuiltIn)
                table.AddPlainRow(experiment.Info.Id, experiment.ExpandSweep().Count().ToString(), experiment.Info.Source ?? "");
            TablePrinter.Print(table.RightAligned(1));
            return ExitCodes.Ok;
        });
        return command;
    }
}
