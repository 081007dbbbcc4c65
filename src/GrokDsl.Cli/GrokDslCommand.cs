using System.CommandLine;
using GrokDsl.Cli.Commands;

namespace GrokDsl.Cli;

/// <summary>The <c>grokdsl</c> command tree; tests invoke it in-process.</summary>
public static class GrokDslCommand
{
    public static RootCommand Create() => new("GrokDsl: typed grokking experiments, trained with TorchSharp, reported as HTML.")
    {
        RunCommand.Create(),
        CheckCommand.Create(),
        ListCommand.Create(),
        ReportCommand.Create(),
        RunsCommand.Create(),
        PluginsCommand.Create(),
        BenchCommand.Create(),
        SweepCommand.Create(),
    };
}
