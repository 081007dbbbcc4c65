namespace GrokDsl.Cli.Tests;

/// <summary>
/// Issue 21's command-line guarantees: the sweep-size limit on every command that expands a sweep, and a resume over
/// a metrics stream with a gap refused with the way out (--rewind, --resume-anyway).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class HardeningCommandTests
{
    const string TinyExperiment = """
        namespace Lab;

        [Experiment("tiny", Source = "test fixture")]
        public sealed partial record Tiny
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10, CheckpointEvery = 10, KeepCheckpoints = 5 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 40, StopAfterGrokking = false };
        }
        """;

    [Theory]
    [InlineData("sweep")]
    [InlineData("sweep task")]
    public void TheSweepCommands_RefuseASweepAboveMaxRuns_WithItsSize_BeforeAnythingRuns(string command)
    {
        using var cli = new CliHarness();
        string[] task = command == "sweep task" ? ["--task", "0", "--run-indices", "0"] : [];

        var (exitCode, _, error) = cli.Invoke([.. command.Split(' '), "modular-addition", "--runs", cli.Runs, "--sweep", "Seed=0..4", "--max-runs", "3", .. task]);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("error: modular-addition: the sweep has 5 runs (Seed 5), more than the limit of 3", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void Sweep_MaxRuns_RaisesTheLimit()
    {
        using var cli = new CliHarness();

        var (exitCode, output, error) = cli.Invoke("sweep", "modular-addition", "--runs", cli.Runs, "--sweep", "Seed=0..4", "--max-runs", "5",
            "--launcher", "slurm", "--dry-run");

        Assert.True(exitCode == 0, error);
        Assert.Contains("#SBATCH", output + error);
    }

    // A run that stopped before its end: its summary and its checkpoints after step 20 gone, its metrics cut to steps 0, 5 and 10.
    static (string File, string Metrics) UnfinishedRunWithTruncatedMetrics(CliHarness cli)
    {
        var file = cli.WriteFile("Tiny.cs", TinyExperiment);
        var first = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        Assert.True(first.ExitCode == 0, first.Error);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(cli.Runs, "tiny")));
        File.Delete(Path.Combine(run, "summary.json"));
        foreach (var checkpoint in Directory.GetDirectories(Path.Combine(run, "checkpoints")).Where(c => string.CompareOrdinal(Path.GetFileName(c), "step-000000020") > 0))
            Directory.Delete(checkpoint, recursive: true);
        var metrics = Path.Combine(run, "metrics.jsonl");
        File.WriteAllText(metrics, string.Join("\n", File.ReadLines(metrics).Take(3)) + "\n");
        return (file, metrics);
    }

    [Fact]
    public void Run_RefusesToResumePastAGapInTheMetrics_NamingTheFile_AndRewindResumesBeforeIt()
    {
        using var cli = new CliHarness();
        var (file, metrics) = UnfinishedRunWithTruncatedMetrics(cli);

        var refused = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        var untouched = File.ReadAllText(metrics);
        var rewound = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet", "--rewind");

        // Refused before anything trains, like other input that needs the user's decision: exit 2, nothing written.
        Assert.Equal(ExitCodes.InvalidExperiment, refused.ExitCode);
        Assert.Contains("error: tiny: run 0 of 1", refused.Error);
        Assert.Contains($"{metrics}: the metrics stream was truncated or damaged", refused.Error);
        Assert.Equal(3, untouched.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("--rewind", refused.Error);
        Assert.True(rewound.ExitCode == 0, rewound.Error);
        Assert.Contains("rewound (--rewind) to the checkpoint at step 10", rewound.Error + rewound.Output);
        Assert.Equal(9, File.ReadAllLines(metrics).Length);
    }

    [Fact]
    public void SweepOnSlurm_RefusesAGapAtSubmission_AndPassesRewindToItsTasks()
    {
        using var cli = new CliHarness();
        var (file, metrics) = UnfinishedRunWithTruncatedMetrics(cli);

        var refused = cli.Invoke("sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--dry-run");
        var rewinding = cli.Invoke("sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--dry-run", "--rewind");

        Assert.Equal(ExitCodes.InvalidExperiment, refused.ExitCode);
        Assert.Contains($"{metrics}: the metrics stream was truncated or damaged", refused.Error);
        Assert.True(rewinding.ExitCode == 0, rewinding.Error);
        Assert.Matches(@"sweep task .* --rewind", rewinding.Output);
    }

    const string SweepNamingUnknownComponents = """
        namespace Lab;

        [Experiment("unknown-parts", Source = "test fixture")]
        public sealed partial record UnknownParts
        {
            public Mystery Data { get; init; } = new();
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20 };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm", "no-such-measure"];

            [Sweep(0, 1, 2)] public int Seed { get; init; }
        }

        [Component(ComponentKind.Dataset, "mystery-data")]
        public sealed record Mystery;
        """;

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    [InlineData("check")]
    public void ASweepNamingComponentsNoPluginProvides_IsRefusedWithExit2_BeforeAnyRunDirectory_ByRunSweepAndCheckAlike(string command)
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("UnknownParts.cs", SweepNamingUnknownComponents);

        var (exitCode, output, error) = cli.Invoke(command == "check" ? [command, file] : [command, file, "--runs", cli.Runs]);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("error: unknown-parts: run 0 of 3 (Seed=0) and 2 other run(s): No plugin provides dataset 'mystery-data'", error);
        Assert.Contains("error: unknown-parts: run 0 of 3 (Seed=0) and 2 other run(s): No plugin provides measure 'no-such-measure'", error);
        Assert.DoesNotContain("ok", output.Split('\n').Select(static l => l.Trim()));
        Assert.False(Directory.Exists(cli.Runs));
    }

    const string UnreadProperty = """
        namespace Lab;

        [Experiment("unread", Source = "test fixture")]
        public sealed partial record Unread
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 2 };
            public int Unused { get; init; }
            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    [Fact]
    public void ASweepOverridingAPropertyNoComponentReads_IsAWarningAtRunTime()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Unread.cs", UnreadProperty);

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet", "--sweep", "Unused=1,2");

        Assert.True(exitCode == 0, error);
        Assert.Contains("warning: unread: the sweep over Unused changes no run: no component reads it", error);
        Assert.DoesNotContain("the sweep over Seed", error);
    }

    [Fact]
    public void ASweepAxisOverAPropertyNoComponentReads_IsAWarningAtCheckTime()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Unread.cs", UnreadProperty.Replace("public int Unused", "[Sweep(1, 2)] public int Unused", StringComparison.Ordinal));

        var (exitCode, output, error) = cli.Invoke("check", file);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("warning GROK0016: 'Unused' is swept", output);
        Assert.Contains("warning: unread: the sweep over Unused changes no run", error);
    }

    [Fact]
    public void RewindAndResumeAnyway_ExcludeEachOther()
    {
        using var cli = new CliHarness();

        var (exitCode, _, error) = cli.Invoke("run", "modular-addition", "--runs", cli.Runs, "--rewind", "--resume-anyway");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("--rewind and --resume-anyway exclude each other", error);
    }
}
