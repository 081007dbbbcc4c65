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

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print only the result." };
}
