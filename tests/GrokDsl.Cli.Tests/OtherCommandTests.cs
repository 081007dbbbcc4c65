namespace GrokDsl.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class OtherCommandTests
{
    [Fact]
    public void CheckPrintsOkForAValidFileAndFailsForABrokenOne()
    {
        using var cli = new CliHarness();
        var valid = Path.Combine(RepositoryRoot(), "experiments", "ModularAddition.cs");
        var broken = cli.WriteFile("Broken.cs", "namespace Lab; [Experiment(\"x\")] public sealed partial record X { public int Seed { get; init; } = \"zero\"; }");

        var ok = cli.Invoke("check", valid);
        var bad = cli.Invoke("check", broken);

        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("ok", ok.Output);
        Assert.Equal(ExitCodes.InvalidExperiment, bad.ExitCode);
        Assert.Contains($"{broken}(1,", bad.Output);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void CheckRunsTheGrokDslAnalyzersOnALooseFile()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("OutOfRange.cs", """
            namespace Lab;

            [Experiment("out-of-range", Source = "test")]
            public sealed partial record OutOfRange
            {
                public ModularArithmetic Data { get; init; } = new() { TrainFraction = 1.4 };
                public Mlp Model { get; init; } = new();
                public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            }
            """);

        var (exitCode, output, _) = cli.Invoke("check", file);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}\(6,\d+\): error GROK0009: ", output);
    }

    [Fact]
    public void ListShowsTheBuiltInExperiments()
    {
        using var cli = new CliHarness();
        var (exitCode, output, _) = cli.Invoke("list");
        Assert.Equal(0, exitCode);
        Assert.Contains("modular-addition", output);
    }

    [Theory]
    [InlineData("1,x")]
    [InlineData("0")]
    public void BenchStackedRejectsABadStackSizeNamingTheOption(string sizes)
    {
        using var cli = new CliHarness();
        var (exitCode, _, error) = cli.Invoke("bench", "stacked", "--stacks", sizes, "--default-runs", "0");
        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains($"--stacks '{sizes}'", error);
    }

    [Fact]
    public void PluginsListShowsTheBuiltInPluginsActive()
    {
        using var cli = new CliHarness();
        var (exitCode, output, _) = cli.Invoke("plugins", "list");
        Assert.Equal(0, exitCode);
        Assert.Contains("grokdsl.modular-arithmetic 0.1.0 [dataset] active", output);
        Assert.Contains("provides: model:mlp", output);
    }

    [Fact]
    public void ReportRegeneratesAReportForARunDirectory()
    {
        using var cli = new CliHarness();
        var run = Path.Combine(cli.Runs, "modular-addition", "abc");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "metrics.jsonl"), "{\"step\":0,\"trainLoss\":4.5,\"trainAccuracy\":0.01,\"testLoss\":4.6,\"testAccuracy\":0.01,\"wallSeconds\":0}\n{\"step\":1");

        var (exitCode, output, error) = cli.Invoke("report", run);

        Assert.True(exitCode == 0, error);
        Assert.Contains("report.html", output);
        Assert.Contains("<html", File.ReadAllText(Path.Combine(run, "report.html")));
    }

    static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "GrokDsl.sln"))) folder = Path.GetDirectoryName(folder)!;
        return folder;
    }
}
