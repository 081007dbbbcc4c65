using GrokDsl.Runs;

namespace GrokDsl.Runtime.Checkpoints;

/// <summary>
/// What running an experiment again does with a run whose <c>summary.json</c> is damaged (a copy cut short, a hand
/// edit: summaries are written atomically, so not a crash of ours). The damaged file is kept beside as
/// <c>summary.json.damaged</c>, and:
/// <list type="bullet">
/// <item>a run that had ended (its newest valid checkpoint is the final one, or its metrics end in a non-finite
/// loss) gets its summary rebuilt from that checkpoint and the metrics, with a warning, and is reused;</item>
/// <item>a run that had not ended resumes from its newest valid checkpoint, with a warning;</item>
/// <item>a run with metrics but neither is refused, naming the file: training it again would overwrite them.</item>
/// </list>
/// </summary>
public static class SummaryRecovery
{
    public const string DamagedSuffix = ".damaged";

    /// <summary>The stored summary of a run that needs no more training (grokked, censored, diverged), else null.</summary>
    /// <exception cref="InvalidDataException">summary.json is damaged and nothing tells how the run ended; the message names it.</exception>
    public static RunSummary? FinishedSummary(RunDirectory directory, Action<string> warn)
    {
        RunSummary? summary;
        try
        {
            summary = directory.ReadSummary();
        }
        catch (DamagedRunFileException damage)
        {
            summary = Recover(directory, damage, warn);
        }
        return summary is { Status: RunStatus.Grokked or RunStatus.Censored or RunStatus.Diverged } ? summary : null;
    }

    static RunSummary? Recover(RunDirectory directory, DamagedRunFileException damage, Action<string> warn)
    {
        var checkpoint = new CheckpointStore(directory.Path).LoadLatest(warn);
        var metrics = directory.ReadMetrics();
        foreach (var problem in metrics.Problems) warn(problem);
        // How training ended is in its own records, not in what a post-hoc pass recomputed from checkpoints.
        var rebuilt = Rebuild(directory, checkpoint, [.. metrics.Records.Where(r => r.Pass is null)]);

        if (rebuilt is null && checkpoint is null && metrics.Records.Count > 0)
            throw new InvalidDataException(
                $"{damage.Message}; the run has no valid checkpoint and its metrics do not show how it ended, so it cannot be rebuilt. " +
                "Remove the run folder, or train it again with --force.", damage);

        File.Move(directory.SummaryPath, directory.SummaryPath + DamagedSuffix, overwrite: true);
        if (rebuilt is not null)
        {
            directory.WriteSummary(rebuilt);
            warn($"{damage.Message}; rebuilt it from {(checkpoint is null ? "the metrics" : $"the checkpoint at step {checkpoint.State.Step} and the metrics")} " +
                 $"(status {rebuilt.Status.ToString().ToLowerInvariant()}, step {rebuilt.FinalStep}); the damaged file is kept as {RunDirectory.SummaryFile}{DamagedSuffix}");
            return rebuilt;
        }
        warn($"{damage.Message}; the run had not ended, so it " +
             (checkpoint is null ? "starts over" : $"resumes from its checkpoint at step {checkpoint.State.Step}") +
             $"; the damaged file is kept as {RunDirectory.SummaryFile}{DamagedSuffix}");
        return null;
    }

    /// <summary>The summary of a run that had ended, from its final checkpoint or a divergence in its metrics; null when it had not.</summary>
    public static RunSummary? Rebuild(RunDirectory directory, Checkpoint? newest, IReadOnlyList<MetricRecord> metrics)
    {
        var environment = TryEnvironment(directory);
        var (experimentId, runId) = (Path.GetFileName(Path.GetDirectoryName(directory.Path))!, Path.GetFileName(directory.Path));
        var last = metrics.Count == 0 ? null : metrics[^1];
        var diverged = last is not null && (!double.IsFinite(last.TrainLoss) || last.TestLoss is { } test && !double.IsFinite(test));
        var ended = newest?.State.Events.Contains("final") == true;
        if (!ended && !diverged) return null;

        var step = ended ? newest!.State.Step : last!.Step;
        var lastEvaluated = metrics.LastOrDefault(r => r.Step <= step && r.TestAccuracy is not null);
        var wall = ended ? newest!.State.WallSeconds : last!.WallSeconds;
        return new RunSummary
        {
            ExperimentId = experimentId,
            RunId = runId,
            Status = diverged ? RunStatus.Diverged : newest!.State.GrokkedAtStep is not null ? RunStatus.Grokked : RunStatus.Censored,
            MemorizedAtStep = newest?.State.MemorizedAtStep,
            GrokkedAtStep = newest?.State.GrokkedAtStep,
            FinalStep = step,
            FinalTrainAccuracy = lastEvaluated?.TrainAccuracy ?? 0,
            FinalTestAccuracy = lastEvaluated?.TestAccuracy ?? 0,
            WallSeconds = wall,
            StepsPerSecond = wall > 0 ? step / wall : 0,
            Device = environment?.Device ?? "unknown",
            Divergence = diverged ? $"non-finite loss at step {last!.Step} (rebuilt from metrics.jsonl)" : null,
            Plugins = environment?.Plugins ?? new Dictionary<string, string>(),
        };
    }

    static RunEnvironment? TryEnvironment(RunDirectory directory)
    {
        try
        {
            return directory.ReadEnvironment();
        }
        catch (DamagedRunFileException)
        {
            return null;
        }
    }
}
