using System.Text.Json;
using GrokDsl.Runs;
using GrokDsl.Runtime.Reproductions;

namespace GrokDsl.Cli.Tests;

/// <summary><c>grokdsl reproduce</c>: the list, a smoke reproduction trained and exported, judging without training, bad input.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReproduceCommandTests
{
    [Fact]
    public void List_shows_every_preset_with_targets()
    {
        using var cli = new CliHarness();

        var (exitCode, output, _) = cli.Invoke("reproduce", "--list");

        Assert.Equal(0, exitCode);
        foreach (var id in new[] { "nanda-2023", "grokfast-2024", "prieto-2025", "power-2022", "grokking-explained-2025" })
            Assert.Contains(id, output.Replace("\n", "").Replace("│", "").Replace(" ", ""));
    }

    [Fact]
    public void A_smoke_reproduction_trains_judges_and_exports_then_judges_again_without_training()
    {
        using var cli = new CliHarness();
        var export = Path.Combine(cli.Folder, "reproductions", "prieto-2025");
        var stale = Path.Combine(export, "runs", "0123456789ab"); // exported before the preset changed its run ids
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, RunDirectory.SummaryFile), "{}");

        var (exitCode, output, error) = cli.Invoke("reproduce", "prieto-2025", "--smoke", "--runs", cli.Runs, "--export", export, "--quiet");

        Assert.True(exitCode == 0, error);
        Assert.Contains("PASS", output); // float32 does not grok in 30 steps, as the paper's float32 never does
        Assert.Contains("MISS", output); // the remedies cannot grok in 30 steps either: a smoke run is not a reproduction
        var record = JsonSerializer.Deserialize<ReproductionRecord>(File.ReadAllText(Path.Combine(export, "reproduction.json")), RunJson.Indented)!;
        Assert.Equal(("prieto-2025", "smoke", 4), (record.Preset, record.Variant, record.Runs));
        Assert.Equal("grokdsl reproduce prieto-2025 --smoke", record.Command);
        Assert.Equal(4, record.Verdicts.Count);
        var runs = Directory.GetDirectories(Path.Combine(export, "runs"));
        Assert.Equal(4, runs.Length);
        Assert.False(Directory.Exists(stale));
        // The smoke variant cannot be trained by `run prieto-2025`: each run names the command that trained it.
        var trained = Directory.GetDirectories(Path.Combine(cli.Runs, "prieto-2025")).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        Assert.Equal(4, trained.Count);
        Assert.All(trained, run => Assert.Equal(["reproduce", "prieto-2025", "--smoke"], new RunDirectory(run).ReadEnvironment()!.Reproduce!));
        Assert.All(runs, run => Assert.True(File.Exists(Path.Combine(run, "metrics.csv")) && File.Exists(Path.Combine(run, RunDirectory.SummaryFile))));
        Assert.Contains("| fraction grokked, float32 softmax (Fig. 1) |", File.ReadAllText(Path.Combine(export, "table.md")));

        var again = cli.Invoke("reproduce", "prieto-2025", "--smoke", "--runs", cli.Runs, "--judge-only");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("prieto-2025 (smoke)", again.Output);
        Assert.Contains(again.Output.Trim(), output); // the same table, judged from the store alone
    }

    [Fact]
    public void A_reproduction_variants_runs_can_be_measured_after_training()
    {
        using var cli = new CliHarness();
        var trained = cli.Invoke("reproduce", "nanda-2023", "--smoke", "--runs", cli.Runs, "--quiet");
        Assert.True(trained.ExitCode == 0, trained.Error);

        // The smoke variant is not the preset as it is: measure finds the run among the reproduction's variants.
        var measured = cli.Invoke("measure", Path.Combine(cli.Runs, "nanda-2023"), "--measures", "weight-norm");

        Assert.True(measured.ExitCode == 0, measured.Error);
        var runs = Directory.GetDirectories(Path.Combine(cli.Runs, "nanda-2023"));
        Assert.NotEmpty(runs);
        Assert.All(runs, run => Assert.Contains("\"pass\":\"post-hoc\"", File.ReadAllText(Path.Combine(run, "metrics.jsonl")).Replace(" ", "")));
    }

    [Fact]
    public void Judging_an_empty_run_store_says_the_runs_are_missing()
    {
        using var cli = new CliHarness();

        var (exitCode, output, _) = cli.Invoke("reproduce", "power-2022", "--runs", cli.Runs, "--judge-only");

        Assert.Equal(0, exitCode);
        Assert.Contains("UNKNOWN", output);
        Assert.DoesNotContain("PASS", output);
    }

    [Fact]
    public void An_unknown_preset_or_bad_seeds_are_refused()
    {
        using var cli = new CliHarness();

        var unknown = cli.Invoke("reproduce", "modular-addition");
        var seeds = cli.Invoke("reproduce", "nanda-2023", "--seeds", "x", "--judge-only", "--runs", cli.Runs);

        Assert.Equal(ExitCodes.InvalidExperiment, unknown.ExitCode);
        Assert.Contains("has no reproduction targets", unknown.Error);
        Assert.Contains("nanda-2023", unknown.Error);
        Assert.Equal(ExitCodes.InvalidExperiment, seeds.ExitCode);
        Assert.Contains("--seeds x", seeds.Error);
    }
}
