using System.CommandLine;

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
            foreach (var experiment in ExperimentResolver.BuiltIn)
            {
                var runs = experiment.ExpandSweep().Count();
                Console.WriteLine($"{experiment.Info.Id,-28} {runs,4} run(s)  {experiment.Info.Source}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
