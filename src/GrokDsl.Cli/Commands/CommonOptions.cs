using System.CommandLine;

namespace GrokDsl.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help agree.</summary>
static class CommonOptions
{
    public static Option<string> Runs() => new("--runs")
    {
        Description = "Folder that holds run directories (runs/<experiment-id>/<run-id>/).",
        DefaultValueFactory = _ => "runs",
    };

    public static Option<string[]> Plugins() => new("--plugins")
    {
        Description = "Extra plugin folder (repeatable); searched before $GROKDSL_PLUGIN_PATH, ~/.grokdsl/plugins and the installation's plugins/.",
        AllowMultipleArgumentsPerToken = false,
    };


    public static Option<string[]> Set() => new("--set")
    {
        Description = "Change a setting for every run, e.g. --set Optimizer.WeightDecay=0.3 (repeatable; typed and range-checked like the experiment file).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Sweep() => new("--sweep")
    {
        Description = "Sweep a setting, replacing a declared axis of it: Seed=0..9, Data.TrainFraction=0.3,0.5, Optimizer.LearningRate=1e-4..1e-2:log3 (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };
}
