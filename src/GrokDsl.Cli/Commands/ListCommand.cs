using System.CommandLine;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl list</c>: the built-in experiments.</summary>
static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the built-in experiments (ids usable with `grokdsl run`).");
        command.SetAction(_ =>
        {
            foreach (var experiment in ExperimentResolver.BuiltIn)
            {
                var runs = experiment.ExpandSweep().Count;
                Console.WriteLine($"{experiment.Info.Id,-28} {runs,4} run(s)  {experiment.Info.Source}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
