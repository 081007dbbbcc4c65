using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;

namespace GrokDsl.Runtime.Tests.Execution;

/// <summary>Which run's log.txt a line goes to, and that the terminal is told everything all the same.</summary>
public sealed class RunLogObserverTests
{
    static readonly RunSpec First = new ModularAddition() { Seed = 0 }.ToRunSpec();
    static readonly RunSpec Second = new ModularAddition() { Seed = 1 }.ToRunSpec();

    sealed class CountingTerminal : ITrainingObserver
    {
        public int Warnings, Evaluations, Finished, Failed;
        public void OnWarning(string message) => Warnings++;
        public void OnEvaluated(MetricRecord record, GrokkingTracker tracker, long maxSteps) => Evaluations++;
        public void OnFinished(RunSummary summary, RunDirectory directory) => Finished++;
        public void OnFailed(RunSpec spec, RunDirectory directory, Exception error) => Failed++;
    }

    static RunDirectory Started(RunLogObserver observer, string root, RunSpec spec)
    {
        var directory = RunDirectory.For(root, spec.Experiment.Id, spec.RunId);
        Directory.CreateDirectory(directory.Path);
        observer.OnStarted(spec, directory);
        return directory;
    }

    static RunSummary Summary(RunSpec spec) => new()
    {
        ExperimentId = spec.Experiment.Id, RunId = spec.RunId, Status = RunStatus.Grokked, MemorizedAtStep = 100, GrokkedAtStep = 900,
        FinalStep = 1000, FinalTrainAccuracy = 1, FinalTestAccuracy = 0.99, WallSeconds = 2, StepsPerSecond = 500, Device = "cpu",
    };

    static string Log(RunDirectory directory) => File.ReadAllText(Path.Combine(directory.Path, RunLog.FileName));

    [Fact]
    public void WarningsGoToTheRunTheyNameElseToEveryRunInTrainingElseToTheNextRunToStart()
    {
        using var root = new TempFolder();
        var terminal = new CountingTerminal();
        var observer = new RunLogObserver(terminal);

        observer.OnWarning("checkpoint skipped before anything started");
        var first = Started(observer, root.Path, First);
        var second = Started(observer, root.Path, Second);
        observer.OnWarning($"{second.Path}/summary.json: rebuilt");
        observer.OnWarning("TF32 is off");
        var tracker = new GrokkingTracker(0.99, 0.95);
        observer.OnEvaluated(First, new MetricRecord(0, 4.5, 0.01, 4.6, 0.02, 0.1), tracker, 1000);
        observer.OnFinished(Summary(First), first);
        observer.OnWarning("after the first run ended");
        observer.OnFailed(Second, second, new InvalidOperationException("plugin threw"));

        var (firstLog, secondLog) = (Log(first), Log(second));
        Assert.Contains("WARN checkpoint skipped before anything started", firstLog);
        Assert.DoesNotContain("checkpoint skipped", secondLog);
        Assert.Contains("summary.json: rebuilt", secondLog);
        Assert.DoesNotContain("summary.json: rebuilt", firstLog);
        Assert.Contains("WARN TF32 is off", firstLog);
        Assert.Contains("WARN TF32 is off", secondLog);
        Assert.Contains("INFO step      0", firstLog);
        Assert.DoesNotContain("step      0", secondLog);
        Assert.Contains("INFO finished: grokked at step 1000, memorized at 100, grokked at 900", firstLog);
        Assert.DoesNotContain("after the first run ended", firstLog);
        Assert.Contains("after the first run ended", secondLog);
        Assert.Contains("EROR failed: InvalidOperationException: plugin threw", secondLog);
        Assert.Equal((4, 1, 1, 1), (terminal.Warnings, terminal.Evaluations, terminal.Finished, terminal.Failed));
    }

    [Fact]
    public void InAStackAWarningAboutTheNextRunWaitsForItToStart()
    {
        using var root = new TempFolder();
        var observer = new RunLogObserver(SilentObserver.Instance);
        var secondFolder = RunDirectory.For(root.Path, Second.Experiment.Id, Second.RunId).Path;

        var first = Started(observer, root.Path, First);
        observer.OnWarning($"{secondFolder}/checkpoints/step-000000010: checksum mismatch, skipped");
        var second = Started(observer, root.Path, Second);

        Assert.DoesNotContain("checksum mismatch", Log(first));
        Assert.Contains("WARN " + secondFolder + "/checkpoints/step-000000010: checksum mismatch, skipped", Log(second));
    }

    [Fact]
    public void ProgressIsLoggedAtTheFirstEvaluationAndAtMilestonesThenOncePerInterval()
    {
        using var root = new TempFolder();
        var observer = new RunLogObserver(SilentObserver.Instance) { ProgressInterval = TimeSpan.FromHours(1) };
        var directory = Started(observer, root.Path, First);
        var tracker = new GrokkingTracker(0.99, 0.95);

        observer.OnEvaluated(First, new MetricRecord(0, 4.5, 0.01, 4.6, 0.02, 0.1), tracker, 1000);
        observer.OnEvaluated(First, new MetricRecord(5, 4.0, 0.02, 4.6, 0.02, 0.2), tracker, 1000);
        tracker.Restore(memorizedAtStep: 10, grokkedAtStep: null);
        observer.OnEvaluated(First, new MetricRecord(10, 0.1, 1.0, 4.6, 0.02, 0.3), tracker, 1000);

        var log = Log(directory);
        Assert.Contains("step      0", log);
        Assert.DoesNotContain("step      5", log);
        Assert.Contains("step     10", log);
        Assert.Contains("memorized@10", log);
    }
}
