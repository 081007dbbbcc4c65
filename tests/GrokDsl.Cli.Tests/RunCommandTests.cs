namespace GrokDsl.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class RunCommandTests
{
    const string TinyExperiment = """
        namespace Lab;

        [Experiment("tiny", Source = "test fixture")]
        public sealed partial record Tiny
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20 };
            public IReadOnlyList<string> Measures { get; init; } = ["weight-norm"];

            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    [Fact]
    public void ALooseExperimentFileRunsEveryRunOfItsSweepAndWritesReports()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", TinyExperiment);

        var (exitCode, output, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");

        Assert.True(exitCode == 0, error);
        var runFolders = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny"));
        Assert.Equal(2, runFolders.Length);
        foreach (var run in runFolders)
        {
            foreach (var file_ in new[] { "config.json", "metrics.jsonl", "summary.json", "report.html" })
                Assert.True(File.Exists(Path.Combine(run, file_)), $"{file_} missing in {run}");
            Assert.Contains("test fixture", File.ReadAllText(Path.Combine(run, "report.html")));
            Assert.Contains($"report: {Path.Combine(run, "report.html")}", output);
        }
    }

    [Fact]
    public void ABrokenExperimentFileGivesCompilerStyleErrorsAndWritesNothing()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Broken.cs", TinyExperiment.Replace("TrainFraction = 0.5 };", "TrainFraction = \"half\" };"));

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}\(6,\d+\): error CS\d+: ", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void AComponentNoPluginProvidesIsNamedWithTheFoldersSearched()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Unknown.cs", TinyExperiment
            .Replace("public ModularArithmetic Data", "public Mystery Data")
            .Replace("new() { Modulus = 23, TrainFraction = 0.5 }", "new()")
            + """

            [Component(ComponentKind.Dataset, "mystery-data")]
            public sealed record Mystery;
            """);

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs);

        // Invalid input, found before anything trains (issue 21): exit 2, not a run that failed.
        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("'mystery-data'", error);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "plugins"), error);
        Assert.Empty(Directory.Exists(cli.Runs) ? Directory.EnumerateFileSystemEntries(cli.Runs) : []);
    }

    [Fact]
    public void ASecondRunOfTheSameFileLoadsTheCompiledAssemblyFromTheCache()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", TinyExperiment);

        cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");
        var cached = Directory.GetFiles(Path.Combine(cli.Folder, "cache"), "*.dll");
        var (exitCode, output, _) = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet");

        Assert.Single(cached);
        Assert.Equal(0, exitCode);
        Assert.Contains("already finished", output);
    }

    [Fact]
    public void UnknownExperimentIdListsTheKnownOnes()
    {
        using var cli = new CliHarness();

        var (exitCode, _, error) = cli.Invoke("run", "no-such-experiment");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("modular-addition", error);
    }

    [Fact]
    public void SetAndSweepOverrideTheFileForEveryRun()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", TinyExperiment);

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet", "--set", "Stopping.MaxSteps=10", "--sweep", "Seed=3..5");

        Assert.True(exitCode == 0, error);
        var configurations = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny"))
            .Select(run => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "config.json")))!)
            .ToList();
        Assert.Equal([3, 4, 5], configurations.Select(c => (int)c["Seed"]!).Order());
        Assert.All(configurations, c => Assert.Equal(10, (int)c["Stopping"]!["MaxSteps"]!));
    }

    [Fact]
    public void AnOverrideOutOfRangeIsRejectedBeforeAnythingRuns()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", TinyExperiment);

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--set", "Data.TrainFraction=1.5");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("--set 'Data.TrainFraction' is 1.5 but must be in (0, 1)", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void ARunThatBreaksAnOptionRuleIsRejectedBeforeAnythingRuns()
    {
        using var cli = new CliHarness();
        // A computed value the analyzers cannot see; the generated Validate() checks it on the resolved run.
        var file = cli.WriteFile("Computed.cs", TinyExperiment.Replace("Modulus = 23", "Modulus = int.Parse(\"1\")", StringComparison.Ordinal));

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("error: tiny: Data.Modulus is 1 but must be >= 2", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void ASweptValueThePluginRejectsRefusesTheWholeSweepBeforeAnythingRuns()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", TinyExperiment);

        // Only the plugin knows that division needs a prime modulus; preflight asks it for every run of the sweep.
        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--set", "Data.Operation=a/b", "--sweep", "Data.Modulus=23,25");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("Data.Modulus=25", error);
        Assert.Contains("dataset 'modular-arithmetic': Operation 'a/b' needs a prime modulus; 25 is not prime.", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void CheckRefusesAModelOptionThePluginRejects()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", TinyExperiment.Replace("public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };",
            "public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32, Input = \"pixels\" };", StringComparison.Ordinal));

        var (exitCode, _, error) = cli.Invoke("check", file);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("model 'mlp': Unknown Mlp Input 'pixels'", error);
    }
}
