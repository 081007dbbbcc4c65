using System.Text.Json;

namespace GrokDsl.Cli.Tests;

/// <summary>`runs list` and `runs show` over damaged run folders never crash; `run` says when its report was not written.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DamagedRunStoreTests
{
    static string DamagedRun(CliHarness cli, string summary)
    {
        var folder = Path.Combine(cli.Runs, "lab", "0123456789abcdef");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.json"), """{ "Experiment": "lab", "Seed": 0 }""");
        File.WriteAllText(Path.Combine(folder, "summary.json"), summary);
        File.WriteAllText(Path.Combine(folder, "environment.json"), "{ \"grokDsl");
        return folder;
    }

    [Theory]
    [InlineData("{ \"experimentId\": \"lab\", ", "not valid JSON")]
    [InlineData("", "is empty")]
    [InlineData("{}", "not valid JSON")]
    public void RunsListShowsADamagedRunAsDamagedWithTheReason(string summary, string reason)
    {
        using var cli = new CliHarness();
        DamagedRun(cli, summary);

        var table = cli.Invoke("runs", "list", "--runs", cli.Runs);
        var json = cli.Invoke("runs", "list", "--runs", cli.Runs, "--json");
        var filtered = cli.Invoke("runs", "list", "--runs", cli.Runs, "--status", "damaged");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains($"damaged (summary.json: {reason}", table.Output);
        Assert.StartsWith($"damaged (summary.json: {reason}", Assert.Single(JsonDocument.Parse(json.Output).RootElement.EnumerateArray()).GetProperty("status").GetString());
        Assert.Contains("1 run(s)", filtered.Output);
    }

    [Fact]
    public void RunsShowShowsADamagedRun_NamingEachDamagedFile_WithoutAStackTrace()
    {
        using var cli = new CliHarness();
        var folder = DamagedRun(cli, "{ \"status\": ");

        var shown = cli.Invoke("runs", "show", "0123", "--runs", cli.Runs);
        var json = cli.Invoke("runs", "show", folder, "--json");

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("lab/0123456789abcdef: damaged (summary.json: not valid JSON", shown.Output);
        Assert.Contains($"warning: {Path.Combine(folder, "environment.json")}: not valid JSON", shown.Error);
        Assert.DoesNotContain("   at ", shown.Output + shown.Error);
        Assert.Equal(0, json.ExitCode);
        Assert.StartsWith("damaged (", JsonDocument.Parse(json.Output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void ARunWhoseReportCannotBeWritten_SaysReportNotWritten_AndWhy()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", """
            namespace Lab;

            [Experiment("tiny", Source = "test fixture")]
            public sealed partial record Tiny
            {
                public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
                public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
                public Training Training { get; init; } = new() { EvaluateEvery = 5 };
                public Stopping Stopping { get; init; } = new() { MaxSteps = 10 };
            }
            """);
        Assert.Equal(0, cli.Invoke("run", file, "--runs", cli.Runs, "--quiet").ExitCode);
        var report = Assert.Single(Directory.GetFiles(cli.Runs, "report.html", SearchOption.AllDirectories));
        // A folder where the report goes: the atomic rename onto it fails, as a full disk or a read-only file would.
        File.Delete(report);
        Directory.CreateDirectory(Path.Combine(report, "blocked"));

        var (exitCode, output, _) = cli.Invoke("run", file, "--runs", cli.Runs, "--force");

        Assert.Equal(0, exitCode);
        Assert.Contains("  report not written: ", output);
        Assert.DoesNotContain("  report: ", output);
    }
}
