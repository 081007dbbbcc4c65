using System.CommandLine;
using GrokDsl.Cli.Launchers;
using GrokDsl.Cli.Launchers.Slurm;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl sweep task</c> (hidden): what a scheduler's task runs. Trains the given runs of the sweep
/// one after the other; on Slurm's USR1 warning it checkpoints the current run (marked interrupted),
/// requeues its own array task and exits, and the requeued task resumes from that checkpoint. With --stack
/// it trains its runs together as stacked models, which checkpoint and resume run by run in the same way.
/// </summary>
static class SweepTaskCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "The experiment file (absolute path) or built-in id." };
        var id = new Option<string?>("--id") { Description = "Which experiment, when the file declares several." };
        var (runs, plugins) = (CommonOptions.Runs(), CommonOptions.Plugins());
        var (set, sweep) = (CommonOptions.Set(), CommonOptions.Sweep());
        var task = new Option<int>(SweepTaskInvocation.TaskOption) { Description = "The task's index (Slurm: $SLURM_ARRAY_TASK_ID), for the log.", Required = true };
        var runIndices = new Option<string>(SweepTaskInvocation.RunIndicesOption) { Description = "The runs this task trains, as indices into the sweep: \"3\" or \"0,1,2\".", Required = true };
        var fingerprint = new Option<string?>(SweepTaskInvocation.FingerprintOption) { Description = "The sweep's fingerprint at submission; a task of a sweep that has changed since refuses to run." };
        var retries = SweepCommand.RetriesOption();
        var maxRuns = CommonOptions.MaxRuns();
        var metricsGap = CommonOptions.MetricsGap();
        var placement = CommonOptions.Placement(
            "Train the runs together as stacked models (each run checkpoints as alone: a requeued task resumes them).");

        var command = new Command("task", "Train some runs of a sweep as one scheduler task (run by the scripts `grokdsl sweep` writes).")
        {
            experiment, id, set, sweep, maxRuns, runs, plugins, task, runIndices, fingerprint, retries,
        };
        foreach (var option in placement.All.Concat(metricsGap.All)) command.Options.Add(option);
        command.Hidden = true;
        command.SetAction(result =>
        {
            if (placement.Parse(result) is not { } where) return ExitCodes.InvalidExperiment;
            if (CommonOptions.ParseMaxRuns(result.GetValue(maxRuns)) is not { } runLimit) return ExitCodes.InvalidExperiment;
            if (metricsGap.Parse(result) is not { } onMetricsGap) return ExitCodes.InvalidExperiment;
            return Execute(
                ExperimentReference.From(result.GetValue(experiment)!, result.GetValue(id), result.GetValue(set) ?? [], result.GetValue(sweep) ?? []), result.GetValue(runs)!, result.GetValue(plugins) ?? [], GlobalOptions.Of(result),
                result.GetValue(task), result.GetValue(runIndices)!, result.GetValue(fingerprint), new SweepPolicy(result.GetValue(retries), OnMetricsGap: onMetricsGap), where, runLimit);
        });
        return command;
    }

    static int Execute(ExperimentReference experiment, string runsRoot, string[] pluginFolders, Verbosity verbosity, int task, string runIndices, string? fingerprint,
        SweepPolicy policy, Placement placement, long maxRuns)
    {
        // First of all: until a handler is registered, USR1 would kill the process without a checkpoint.
        using var signals = new PreemptionSignals(Console.Error);
        var quiet = verbosity == Verbosity.Quiet;
        if (SweepExperiment.Plan(experiment, runsRoot, pluginFolders, placement, maxRuns, verbosity) is not { } plan) return ExitCodes.InvalidExperiment;
        if (fingerprint is not null && fingerprint != plan.Fingerprint)
        {
            Console.Error.WriteLine($"error: {plan.ExperimentId} is no longer the sweep that was submitted (its runs changed: fingerprint {plan.Fingerprint}, submitted {fingerprint}); submit the sweep again");
            return ExitCodes.InvalidExperiment;
        }
        if (ParseIndices(runIndices, plan.Runs.Count) is not { } indices)
        {
            Console.Error.WriteLine($"error: {SweepTaskInvocation.RunIndicesOption} '{runIndices}' is not a list of run indices below {plan.Runs.Count}");
            return ExitCodes.InvalidExperiment;
        }

        Console.WriteLine($"task {task}: run(s) {string.Join(", ", indices)} of {plan.ExperimentId} ({plan.Runs.Count} in the sweep){(placement.Stack ? ", stacked" : "")}");
        SweepResult outcome;
        if (CommonOptions.SelectDevice(placement) is not { } device) return ExitCodes.InvalidExperiment;
        using (var host = PluginHost.Load(PluginFolders.Default(plan.PluginFolders)))
        {
            if (!Preflight.Passes(plan, host) || !Preflight.ResumesPass(plan, policy.OnMetricsGap, indices)) return ExitCodes.InvalidExperiment;
            var coordinator = LocalLauncher.Coordinator(plan, device, host, Console.Out, Console.Error, quiet, policy);
            outcome = coordinator.Train(plan, signals.Control, indices);
        }
        SweepTable.Write(outcome, Console.Out);
        var exitCode = outcome.ExitCode;

        if (signals.RequeueRequested && !indices.All(plan.IsFinished)) Requeue();
        return exitCode;
    }

    static void Requeue()
    {
        Console.Out.Flush();
        if (SlurmTaskIdentity.FromEnvironment() is not { } self)
        {
            Console.Error.WriteLine("not in a Slurm job, so not requeued; run the task again to resume from the checkpoint");
            return;
        }
        try
        {
            // Slurm ends this task and queues it again; it starts over from the script and resumes from the checkpoint.
            new SlurmCommandLine().Requeue(self);
            Console.Error.WriteLine($"requeued {self}; it resumes from the checkpoint when it starts again");
        }
        catch (SlurmException e)
        {
            Console.Error.WriteLine($"error: could not requeue {self}: {e.Message}; submit the sweep again to resume it");
        }
    }

    static IReadOnlyList<int>? ParseIndices(string text, int runCount)
    {
        var indices = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var index) || index < 0 || index >= runCount) return null;
            indices.Add(index);
        }
        return indices.Count > 0 ? indices : null;
    }
}
