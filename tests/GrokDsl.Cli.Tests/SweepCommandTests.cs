using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// <c>grokdsl sweep</c> with the local launcher: a sweep run twice does nothing the second time, an
/// unfinished run resumes, a failing run is retried and then reported, and --fail-fast stops the sweep.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SweepCommandTests
{
    const string ThreeSeeds = """
        namespace Lab;

        [Experiment("sweep-smoke")]
        public sealed partial record Smoke
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 11, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 100, CheckpointEvery = 5 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20, StopAfterGrokking = false };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

            [Sweep(0, 1, 2)] public int Seed { get; init; }
        }
        """;

    static string[] RunFolders(CliHarness cli) =>
        [.. Directory.GetDirectories(Path.Combine(cli.Runs, "sweep-smoke")).Where(d => !Path.GetFileName(d).StartsWith('.')).Order()];

    // The table row of a run: "   0  <run id>  <status> <attempts> <steps> <grokked>  <how>".
    // The sweep table's row of run `index`, its cells joined by two spaces (the table is drawn by Spectre.Console).
    static string Row(string output, int index) =>
        string.Join("  ", output.Split('\n').Select(Cells).Single(cells => cells.FirstOrDefault() == index.ToString()));

    static string[] Cells(string line) =>
        line.Contains('│') ? [.. line.Split('│', StringSplitOptions.TrimEntries).Where(cell => cell.Length > 0)] : [];

    [Fact]
    public void SetAndSweepOverridesShapeTheSweepAndTravelToItsSlurmTasks()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);
        string[] overrides = ["--sweep", "Seed=5,6", "--set", "Stopping.MaxSteps=10"];

        // The dry run first: once the runs are finished there is nothing left to submit.
        var script = cli.Invoke(["sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--dry-run", .. overrides]);
        var (exitCode, output, error) = cli.Invoke(["sweep", file, "--runs", cli.Runs, "--quiet", .. overrides]);
        var status = cli.Invoke(["sweep", "status", file, "--runs", cli.Runs, .. overrides]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("2 run(s): 2 ", output);
        var summaries = RunFolders(cli).Select(d => new RunDirectory(d).ReadSummary()!).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, s => Assert.Equal(10, s.FinalStep));
        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains("sweep-smoke: 2 run(s) in", status.Output);
        Assert.DoesNotContain("not started", status.Output);
        Assert.True(script.ExitCode == 0, script.Error);
        Assert.Contains("--set Stopping.MaxSteps=10 --sweep Seed=5,6", script.Output.Replace("'", ""));
    }

    [Fact]
    public void AnOverrideOfAnUnknownSettingIsRefusedBeforeAnyRunStarts()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);

        var (exitCode, _, error) = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--set", "Optimizer.Momentum=0.9");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("Momentum", error);
        Assert.False(Directory.Exists(Path.Combine(cli.Runs, "sweep-smoke")) && RunFolders(cli).Length > 0);
    }

    [Fact]
    public void ASweepRunTwiceTrainsEveryRunOnceAndThenSkipsThemAll()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);

        var first = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet");
        var written = RunFolders(cli).ToDictionary(d => d, d => File.GetLastWriteTimeUtc(Path.Combine(d, RunDirectory.SummaryFile)));
        var second = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(3, written.Count);
        for (var i = 0; i < 3; i++) Assert.EndsWith("trained", Row(first.Output, i));
        Assert.Contains("3 run(s): 3 ", first.Output);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("3 run(s), 3 already finished", second.Output);
        for (var i = 0; i < 3; i++) Assert.EndsWith("already finished", Row(second.Output, i));
        foreach (var (folder, time) in written)
            Assert.Equal(time, File.GetLastWriteTimeUtc(Path.Combine(folder, RunDirectory.SummaryFile)));

        var json = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal(0, document.RootElement.GetProperty("exitCode").GetInt32());
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], runs.Select(r => r.GetProperty("index").GetInt32()));
        Assert.All(runs, r => Assert.Equal("already finished", r.GetProperty("how").GetString()));
    }

    [Fact]
    public void ARunWithoutASummaryResumesFromItsCheckpointWhileTheOthersAreSkipped()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);
        var first = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet");
        Assert.True(first.ExitCode == 0, first.Error);
        // What a kill -9 leaves: checkpoints and metrics, no summary.
        var killed = RunFolders(cli)[0];
        var index = IndexOf(first.Output, killed);
        File.Delete(Path.Combine(killed, RunDirectory.SummaryFile));

        var (exitCode, output, error) = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"resumed at step \d+$", Row(output, index));
        Assert.Equal(2, Enumerable.Range(0, 3).Count(i => Row(output, i).EndsWith("already finished")));
        Assert.NotNull(new RunDirectory(killed).ReadSummary());
    }

    [Fact]
    public void AFailingRunIsRetriedThenReportedAsFailedAndTheOtherRunsStillRun()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);
        var first = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--fail-fast");
        Assert.True(first.ExitCode == 0, first.Error);
        const int broken = 1;
        BreakRun(cli, first.Output, broken);
        RemoveSummaries(cli);

        var (exitCode, output, error) = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--retries", "2");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal(3, error.Split('\n').Count(line => line.Contains($"run {broken} ") && line.Contains("configuration does not match")));
        Assert.Contains("attempt 3 of 3", error);
        Assert.Matches(@"failed\s+3\s", Row(output, broken));
        Assert.Equal(2, Enumerable.Range(0, 3).Count(i => i != broken && Row(output, i).Contains("resumed at step")));
    }

    [Fact]
    public void FailFastStopsAtTheFirstFailedRunAndStartsNoMore()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);
        var first = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet");
        Assert.True(first.ExitCode == 0, first.Error);
        const int broken = 0;
        BreakRun(cli, first.Output, broken);
        RemoveSummaries(cli);

        var (exitCode, output, _) = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--retries", "0", "--fail-fast");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Matches(@"failed\s+1\s", Row(output, broken));
        for (var i = 1; i < 3; i++)
        {
            Assert.Contains("not started", Row(output, i));
            Assert.EndsWith("--fail-fast after run 0 failed", Row(output, i));
            Assert.Null(new RunDirectory(RunFolderOf(cli, output, i)).ReadSummary());
        }
    }

    [Fact]
    public void SlurmOptionsWithTheLocalLauncherAndFailFastWithSlurmAreRejected()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);

        var local = cli.Invoke("sweep", file, "--runs", cli.Runs, "--partition", "gpu");
        var slurm = cli.Invoke("sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--fail-fast", "--dry-run");
        var negative = cli.Invoke("sweep", file, "--runs", cli.Runs, "--retries", "-1");

        Assert.Equal(ExitCodes.InvalidExperiment, local.ExitCode);
        Assert.Contains("--partition only apply to --launcher slurm", local.Error);
        Assert.Equal(ExitCodes.InvalidExperiment, slurm.ExitCode);
        Assert.Contains("--fail-fast only applies to --launcher local", slurm.Error);
        Assert.NotEqual(0, negative.ExitCode);
        Assert.Contains("--retries must be 0 or more", negative.Error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void ASweepOnCudaThatCannotBeUsedFailsWithTheCudaMessageBeforeAnythingTrains()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);
        var missing = Path.Combine(cli.Folder, "no-such-torch-lib");

        // A torch/lib folder that does not exist: CUDA cannot be loaded even where a GPU is.
        var (exitCode, output, error) = cli.Invoke("sweep", file, "--runs", cli.Runs, "--device", "cuda", "--torch-lib", missing);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("error: CUDA (cuda:0) was asked for but cannot be used. Tried:", error);
        Assert.Contains("--device cpu", error);
        Assert.DoesNotContain("run(s):", output);
        Assert.False(Directory.Exists(Path.Combine(cli.Runs, "sweep-smoke")), "nothing may be written before the device is known");
    }

    [Fact]
    public void SlurmTasksGetTheDeviceOnTheirCommandLineAndGpusPerTaskWithoutADeviceMeansCuda()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);

        var gpus = cli.Invoke("sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--dry-run", "--gpus-per-task", "1");
        var named = cli.Invoke("sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--dry-run", "--gpus-per-task", "1", "--device", "cuda:1");
        var cpu = cli.Invoke("sweep", file, "--runs", cli.Runs, "--launcher", "slurm", "--dry-run");

        Assert.True(gpus.ExitCode == 0, gpus.Error);
        Assert.Contains("#SBATCH --gpus-per-task=1\n", gpus.Output);
        Assert.Contains(" sweep task ", TaskCommand(gpus.Output));
        Assert.Contains(" --device cuda ", TaskCommand(gpus.Output));
        Assert.Contains(" --device cuda:1 ", TaskCommand(named.Output));
        Assert.Contains(" --device cpu ", TaskCommand(cpu.Output));
    }

    // The line of an sbatch script that starts grokdsl for the array task.
    static string TaskCommand(string script) => script.Split('\n').Single(line => line.StartsWith("exec ", StringComparison.Ordinal)) + " ";

    [Fact]
    public void TwoSweepsOfOneExperimentWithDifferentBudgetsGetTwoReportsEachOverItsOwnRuns()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Smoke.cs", ThreeSeeds);

        var short_ = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--set", "Stopping.MaxSteps=10");
        var long_ = cli.Invoke("sweep", file, "--runs", cli.Runs, "--quiet", "--set", "Stopping.MaxSteps=15");
        var ambiguous = cli.Invoke("report", Path.Combine(cli.Runs, "sweep-smoke"));

        Assert.True(short_.ExitCode == 0, short_.Error);
        Assert.True(long_.ExitCode == 0, long_.Error);
        var folder = Path.Combine(cli.Runs, "sweep-smoke");
        var manifests = SweepManifest.ReadAll(folder);
        Assert.Equal(2, manifests.Count);
        Assert.Equal(6, manifests.SelectMany(m => m.RunIds).Distinct().Count());
        foreach (var (manifest, steps) in manifests.Zip([10L, 15L]))
        {
            Assert.Equal(["sweep", file, "--set", $"Stopping.MaxSteps={steps}"], manifest.Command);
            var page = File.ReadAllText(Path.Combine(folder, manifest.ReportFileName));
            Assert.All(manifest.RunIds, id => Assert.Contains(id, page));
            Assert.All(manifests.Single(m => m != manifest).RunIds, id => Assert.DoesNotContain(id, page));
            var report = GrokDsl.Reporting.SweepReport.Load(folder, "grokdsl", manifest: manifest);
            Assert.Equal(manifest.RunIds.Order(StringComparer.Ordinal), report.Runs.Select(r => r.RunId));
            Assert.All(report.Runs, run => Assert.Equal(steps, run.Summary!.FinalStep));
            Assert.DoesNotContain(report.Axes, axis => axis.Key.Contains("MaxSteps", StringComparison.Ordinal));
        }
        Assert.NotEqual(0, ambiguous.ExitCode);
        Assert.Contains("holds 2 sweeps; say which with --sweep-id", ambiguous.Error);
        Assert.All(manifests, m => Assert.Contains(m.SweepId, ambiguous.Error));

        var chosen = cli.Invoke("report", folder, "--sweep-id", manifests[0].SweepId);
        Assert.True(chosen.ExitCode == 0, chosen.Error);
        Assert.Contains(manifests[0].ReportFileName, chosen.Output);
    }

    // A hand-edited configuration: the run fails on every attempt, deterministically, and loses nothing.
    static void BreakRun(CliHarness cli, string tableOutput, int index)
    {
        var folder = RunFolders(cli).Single(f => Row(tableOutput, index).Contains(Path.GetFileName(f)));
        var config = Path.Combine(folder, RunDirectory.ConfigurationFile);
        var edited = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(config))!.AsObject();
        edited["editedByHand"] = true;
        File.WriteAllText(config, edited.ToJsonString());
    }

    // Which sweep index a run folder has, from the run ids in a sweep's table.
    static int IndexOf(string tableOutput, string runFolder) =>
        Enumerable.Range(0, 3).Single(i => Row(tableOutput, i).Contains(Path.GetFileName(runFolder)));

    // Unfinished runs: with a summary they would be skipped before the sweep reaches the broken one.
    static void RemoveSummaries(CliHarness cli)
    {
        foreach (var folder in RunFolders(cli)) File.Delete(Path.Combine(folder, RunDirectory.SummaryFile));
    }

    static string RunFolderOf(CliHarness cli, string output, int index) =>
        RunFolders(cli).Single(folder => Row(output, index).Contains(Path.GetFileName(folder)));
}
