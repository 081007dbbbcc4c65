using System.CommandLine;
using System.Globalization;
using GrokDsl.Contracts;
using GrokDsl.Reporting;
using GrokDsl.Runs;
using GrokDsl.Runtime.Measurement;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl measure RUN-DIR|SWEEP-DIR</c>: progress measures re-run over the stored checkpoints of finished runs
/// (<see cref="MeasurementPass"/>), appended as a post-hoc pass, then the reports re-rendered. The logic is the runtime's;
/// this parses, finds each run's spec, prints.
/// </summary>
static class MeasureCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("dir") { Description = "A run directory (runs/<experiment-id>/<run-id>) or a sweep directory (runs/<experiment-id>)." };
        var measures = new Option<string[]>("--measures") { Description = "Measure ids to run (comma-separated or repeated); default: the run's own measures.", AllowMultipleArgumentsPerToken = true };
        var keysFrom = new Option<string>("--key-frequencies-from")
        {
            Description = "The checkpoint whose key frequencies are fixed for every checkpoint (Nanda et al.'s protocol): final, or a step.",
            DefaultValueFactory = _ => "final",
        };
        var pruneBy = new Option<string?>("--prune-by") { Description = "Also prune neurons by this score and report accuracy before and after: ipr (Doshi et al. 2024; one-hot MLPs)." };
        var fraction = new Option<double>("--fraction") { Description = "With --prune-by: the share of neurons to prune.", DefaultValueFactory = _ => 0.1 };
        var pruneHighest = new Option<bool>("--prune-highest") { Description = "With --prune-by: prune the highest-scoring neurons instead of the lowest (the memorizing ones)." };
        var redo = new Option<bool>("--redo") { Description = "Drop the records of earlier passes and measure every checkpoint again." };
        var plugins = CommonOptions.Plugins();
        var command = new Command("measure", """
            Measure a finished run's stored checkpoints after training and append the values to its metrics.jsonl as a
            post-hoc pass; analysis and reports then use the pass for those measures. Key frequencies are read once,
            from the final checkpoint (or --key-frequencies-from STEP), and fixed for every checkpoint. Rerunning adds
            only what is missing; an interrupted pass resumes. Keep checkpoints for it with Training.KeepCheckpointSchedule.

            Examples:
              grokdsl measure runs/nanda-2023-cpu/1a2b3c4d5e6f
              grokdsl measure runs/nanda-2023-cpu --measures fourier,restricted-loss,excluded-loss
              grokdsl measure runs/gromov-2023/0f1e2d3c4b5a --prune-by ipr --fraction 0.2
            """)
        {
            path, measures, keysFrom, pruneBy, fraction, pruneHighest, redo, plugins,
        };
        command.SetAction((result, cancellation) => Task.FromResult(Execute(
            result.GetValue(path)!, result.GetValue(measures), result.GetValue(keysFrom)!, result.GetValue(pruneBy), result.GetValue(fraction),
            result.GetValue(pruneHighest), result.GetValue(redo), result.GetValue(plugins) ?? [], cancellation)));
        return command;
    }

    static int Execute(string path, string[]? measureArguments, string keysFrom, string? pruneBy, double fraction, bool pruneHighest,
        bool redo, string[] pluginFolders, CancellationToken cancellation)
    {
        long? keyStep = null;
        if (keysFrom != "final")
        {
            if (!long.TryParse(keysFrom, NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                Console.Error.WriteLine($"error: --key-frequencies-from is 'final' or a step, not '{keysFrom}'");
                return ExitCodes.InvalidExperiment;
            }
            keyStep = step;
        }
        if (pruneBy is not null and not "ipr" || fraction is < 0 or > 1)
        {
            Console.Error.WriteLine("error: --prune-by takes ipr, and --fraction lies in [0, 1]");
            return ExitCodes.InvalidExperiment;
        }
        var ids = measureArguments is { Length: > 0 }
            ? measureArguments.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : null;

        var full = Path.GetFullPath(path);
        var runs = ReportTargets.Detect(full) switch
        {
            ReportTargetKind.Run => [full],
            ReportTargetKind.Sweep => ReportTargets.RunDirectoriesIn(full).ToList(),
            _ => [],
        };
        if (runs.Count == 0)
        {
            Console.Error.WriteLine($"error: {full}: not a run or sweep directory");
            return ExitCodes.Failed;
        }

        using var host = PluginHost.Load(PluginFolders.Default(pluginFolders));
        var failed = false;
        foreach (var run in runs)
        {
            var directory = new RunDirectory(run);
            if (MeasuredRuns.SpecOf(directory) is not { } spec)
            {
                failed = true;
                continue;
            }
            var pruning = pruneBy is null ? null : new ComponentRef(ComponentKind.Measure, "neuron-pruning",
                ComponentOptions.From(new NeuronPruning { Fraction = fraction, LowestIpr = !pruneHighest }));
            var requested = ids ?? [.. spec.Measures.Select(m => m.Id)];
            var request = new MeasurementRequest([.. requested.Where(id => id != "neuron-pruning")], keyStep, redo, pruning is null ? null : [pruning]);
            try
            {
                var outcome = MeasurementPass.Run(directory, spec, host, request, warning => Console.Error.WriteLine($"warning: {warning}"), cancellation);
                Console.WriteLine($"{run}: measured {outcome.Measured} checkpoint(s), {outcome.AlreadyMeasured} already measured, {outcome.Corrupt.Count} corrupt" +
                                  (outcome.KeyFrequencyStep is { } at ? $"; key frequencies {{{string.Join(", ", outcome.KeyFrequencies)}}} from step {at}" : ""));
                if (pruning is not null) PrintPruning(directory);
                var (written, _) = RunReports.Write(directory);
                Console.WriteLine(written);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"{run}: interrupted; run the same command again to measure the rest");
                return ExitCodes.Interrupted;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or ComponentNotFoundException)
            {
                Console.Error.WriteLine($"error: {run}: {e.Message}");
                failed = true;
            }
        }
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    // Pruning is an operation on one checkpoint: the newest one's before and after.
    static void PrintPruning(RunDirectory directory)
    {
        var last = directory.ReadMetrics().Records.LastOrDefault(r => r.Pass is not null && r.Measures?.ContainsKey("neuron-pruning.pruned") == true);
        if (last?.Measures is not { } m) return;
        Console.WriteLine($"pruning at step {last.Step}: {m["neuron-pruning.pruned"]} neuron(s) (IPR ≤ {m["neuron-pruning.ipr_threshold"]:G3}); " +
                          $"train accuracy {m["neuron-pruning.train_accuracy_before"]:P1} → {m["neuron-pruning.train_accuracy_after"]:P1}, " +
                          $"test accuracy {m["neuron-pruning.test_accuracy_before"]:P1} → {m["neuron-pruning.test_accuracy_after"]:P1}");
    }
}
