using System.CommandLine;
using GrokDsl.Cli.Launchers;
using GrokDsl.Cli.Launchers.Slurm;
using GrokDsl.Cli.Terminal;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl sweep status EXPERIMENT</c>: each run's state from the run store, and its array task's state from Slurm when it was submitted there.</summary>
static class SweepStatusCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "The experiment file (.cs) or built-in id the sweep was started with." };
        var id = new Option<string?>("--id") { Description = "Which experiment, when the file declares several." };
        var runs = CommonOptions.Runs();
        var (set, sweep) = (CommonOptions.Set(), CommonOptions.Sweep());
        var command = new Command("status", """
            Show where each run of a sweep is: finished (grokked, censored, diverged), running, pending,
            interrupted, failed or not started. Pass the --set/--sweep the sweep was started with.

            Examples:
              grokdsl sweep status experiments/Power2022.cs
              grokdsl sweep status power-2022 --runs /scratch/runs
              grokdsl sweep status modular-addition --sweep Seed=0..7
            """)
        {
            experiment, id, set, sweep, runs,
        };
        command.SetAction(result =>
        {
            var reference = ExperimentReference.From(result.GetValue(experiment)!, result.GetValue(id), result.GetValue(set) ?? [], result.GetValue(sweep) ?? []);
            if (SweepExperiment.Plan(reference, result.GetValue(runs)!, []) is not { } plan)
                return ExitCodes.InvalidExperiment;
            Print(plan, Queue(plan));
            return ExitCodes.Ok;
        });
        return command;
    }

    static IReadOnlyDictionary<string, QueuedRun> Queue(RunPlan plan)
    {
        var folder = new SlurmFolder(plan.ExperimentFolder);
        if (folder.ReadJobs() is not { Count: > 0 } jobs) return new Dictionary<string, QueuedRun>();
        try
        {
            return SlurmQueue.Lookup(folder, new SlurmCommandLine());
        }
        catch (SlurmException e)
        {
            Console.Error.WriteLine($"note: job {jobs[^1].JobId} was submitted, but Slurm cannot be asked ({e.Message}); showing the run store only");
            return new Dictionary<string, QueuedRun>();
        }
    }

    static void Print(RunPlan plan, IReadOnlyDictionary<string, QueuedRun> queue)
    {
        var runs = SweepProgress.Of(plan, queue);
        var jobs = new SlurmFolder(plan.ExperimentFolder).ReadJobs();
        Console.WriteLine($"{plan.ExperimentId}: {runs.Count} run(s) in {plan.ExperimentFolder}" +
                          (jobs.Count > 0 ? $"; last Slurm job {jobs[^1].JobId}, submitted {jobs[^1].SubmittedAt:yyyy-MM-dd HH:mm} UTC" : ""));
        var counts = SweepProgress.Statuses
            .Select(status => (status, count: runs.Count(r => r.Status == status)))
            .Where(c => c.count > 0)
            .Select(c => $"{c.count} {c.status}");
        Console.WriteLine($"  {string.Join(", ", counts)}");
        var table = TablePrinter.Plain("run", "run id", "status", "step", "slurm");
        foreach (var run in runs)
            table.AddPlainRow(run.Index.ToString(), run.RunId, run.Status.ToString(), run.Step?.ToString() ?? "-", run.Queue is { } q ? $"{q.TaskId} {q.State}" : "-");
        TablePrinter.Print(table.RightAligned(0, 3));
    }
}
