using System.CommandLine;
using GrokDsl.Cli.Commands;
using GrokDsl.Runtime.Coordination;

namespace GrokDsl.Cli;

/// <summary>The <c>grokdsl</c> command tree; tests invoke it in-process.</summary>
public static class GrokDslCommand
{
    public const string Description = """
        GrokDsl: typed grokking experiments, trained with TorchSharp, reported as HTML.

        Examples:
          grokdsl list
          grokdsl run modular-addition
          grokdsl run experiments/Power2022.cs --runs runs --json
          grokdsl runs list --status grokked
          grokdsl report runs/modular-addition
          grokdsl measure runs/nanda-2023-cpu
          grokdsl serve --runs runs

        Exit codes (every command):
          0    success: every run finished (grokked, or censored at its budget)
          1    a run or command failed at run time (plugin error, I/O error, run not found, ...)
          2    invalid input: the experiment does not compile or an argument is invalid; nothing ran
          3    a run diverged (NaN or infinity in a loss or the parameters)
          130  interrupted by SIGINT/SIGTERM after checkpointing; a second Ctrl+C aborts at once
        """;

    /// <summary>Parses and runs one command line; what <c>Program</c> and the in-process tests call.</summary>
    public static int Invoke(string[] args)
    {
        var parsed = Create().Parse(args);
        var exitCode = parsed.Invoke();
        // System.CommandLine answers a parse error (unknown command or option, missing argument) with 1 after printing
        // it; the documented code for invalid input, where nothing ran, is 2.
        return parsed.Errors.Count > 0 ? ExitCodes.InvalidExperiment : exitCode;
    }

    public static RootCommand Create()
    {
        var root = new RootCommand(Description)
        {
            RunCommand.Create(),
            CheckCommand.Create(),
            ListCommand.Create(),
            ReportCommand.Create(),
            MeasureCommand.Create(),
            RunsCommand.Create(),
            PluginsCommand.Create(),
            BenchCommand.Create(),
            SweepCommand.Create(),
            DynamicsCommand.Create(),
            PredictCommand.Create(),
            ReproductionCommand.Create(),
            ServeCommand.Create(),
        };
        root.Options.Add(GlobalOptions.Quiet());
        root.Options.Add(GlobalOptions.Verbose());
        return root;
    }
}
