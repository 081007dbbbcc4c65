using System.Text.RegularExpressions;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// Experiments that must be refused with exit code 2 and a message naming the file and the problem, before
/// anything is written: runaway sweeps, ids that would escape the run store, experiments that throw while being
/// created. `check` refuses exactly what `run` refuses.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class RefusedBeforeRunningTests
{
    const string Components = """
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20 };
        """;

    static string Experiment(string id, string members, string components = Components) => $$"""
        namespace Lab;

        [Experiment("{{id}}", Source = "test fixture")]
        public sealed partial record Subject
        {
        {{components}}
        {{members}}
        }
        """;

    const string BillionRuns = """
            [SweepRange(1, 1000)] public int Width { get; init; }
            [SweepRange(1, 1000)] public int Depth { get; init; }
            [SweepRange(0, 999)] public int Seed { get; init; }
            public Mlp Wide => new() { HiddenWidth = Width * Depth };
        """;

    [Theory]
    [InlineData("check")]
    [InlineData("run")]
    public void ASweepOfABillionRuns_IsRefusedAtOnce_WithItsSizeAndWhere(string command)
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Billion.cs", Experiment("billion", BillionRuns));

        var (exitCode, output, error) = cli.Invoke(command == "run" ? [command, file, "--runs", cli.Runs] : [command, file]);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Matches($@"{Regex.Escape(file)}\(3,\d+\): error GROK0015: Experiment 'billion' has 1,000,000,000 runs, more than the limit of 10,000 runs", output + error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void ASweepFromOverrides_IsCountedAndRefused_AboveTheLimit()
    {
        using var cli = new CliHarness();

        var (exitCode, _, error) = cli.Invoke("run", "modular-addition", "--runs", cli.Runs, "--sweep", "Seed=0..999", "--sweep", "Data.Modulus=2..1001");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("error: modular-addition: the sweep has 1,000,000 runs (Seed 1,000 × Data.Modulus 1,000), more than the limit of 10,000", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void MaxRuns_RaisesTheLimit()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Large.cs", Experiment("large", """
                [SweepRange(2, 201)] public int Modulus { get; init; }
                [SweepRange(0, 99)] public int Seed { get; init; }
                public ModularArithmetic Arithmetic => new() { Modulus = Modulus };
            """));

        var refused = cli.Invoke("check", file);
        var raised = cli.Invoke("check", file, "--max-runs", "20000");
        var badLimit = cli.Invoke("check", file, "--max-runs", "many");

        Assert.Equal(ExitCodes.InvalidExperiment, refused.ExitCode);
        Assert.Contains("has 20,000 runs, more than the limit of 10,000 runs", refused.Output);
        Assert.True(raised.ExitCode == 0, raised.Output + raised.Error);
        Assert.EndsWith("ok", raised.Output.TrimEnd());
        Assert.Equal(ExitCodes.InvalidExperiment, badLimit.ExitCode);
        Assert.Contains("--max-runs 'many'", badLimit.Error);
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("/tmp/grokdsl-absolute")]
    [InlineData("a/b")]
    public void AnIdThatWouldEscapeTheRunStore_IsRefused_AndNothingIsWritten(string id)
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Escape.cs", Experiment(id, ""));

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Matches($@"{Regex.Escape(file)}\(3,\d+\): error GROK0014: Experiment id '{Regex.Escape(id)}' contains a path separator '/'", error);
        Assert.False(Directory.Exists(cli.Runs));
        Assert.False(Directory.Exists(Path.Combine(cli.Folder, "escaped")));
        Assert.False(Directory.Exists("/tmp/grokdsl-absolute"));
    }

    const string ThrowingInitializer = """
            public Training Training { get; init; } = Broken();
            static Training Broken() => throw new InvalidOperationException("no training today");
        """;

    const string ThrowingStaticConstructor = """
            static readonly int Width;
            static Subject() => Width = int.Parse("wide");
        """;

    [Theory]
    [InlineData("run", ThrowingInitializer, 11, "InvalidOperationException: no training today")]
    [InlineData("check", ThrowingInitializer, 11, "InvalidOperationException: no training today")]
    [InlineData("run", ThrowingStaticConstructor, 11, "FormatException: ")]
    public void AnExperimentThatThrowsWhileBeingCreated_IsLocated_WithoutAStackTrace(string command, string members, int line, string error)
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Throwing.cs", Experiment("throwing", members));

        var result = cli.Invoke(command == "run" ? [command, file, "--runs", cli.Runs] : [command, file]);

        Assert.Equal(ExitCodes.InvalidExperiment, result.ExitCode);
        Assert.Matches($@"{Regex.Escape(file)}\({line},\d+\): error: experiment Lab.Subject threw while being created: {Regex.Escape(error)}", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Fact]
    public void AnExperimentThatThrowsWhileBeingCreated_ShowsTheStackTraceWithVerbose()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Throwing.cs", Experiment("throwing", ThrowingInitializer));

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--verbose");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("   at Lab.Subject.Broken()", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("namespace Lab; public sealed record NotAnExperiment(int Seed);")]
    public void CheckSaysWhatRunSays_ForAFileWithoutAnExperiment(string text)
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Empty.cs", text);

        var check = cli.Invoke("check", file);
        var run = cli.Invoke("run", file, "--runs", cli.Runs);

        Assert.Equal(ExitCodes.InvalidExperiment, check.ExitCode);
        Assert.Equal(ExitCodes.InvalidExperiment, run.ExitCode);
        Assert.Contains($"error: {file}: no [Experiment] partial record found.", check.Error);
        Assert.Contains($"error: {file}: no [Experiment] partial record found.", run.Error);
    }

    [Fact]
    public void CheckSaysWhatRunSays_ForASweptValueOutOfRangeOnAPassThroughProperty()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("PassThrough.cs", Experiment("pass-through", """
                [Sweep(0.5, 1.5)] public double Fraction { get; init; }
                public ModularArithmetic Data => new() { Modulus = 23, TrainFraction = Fraction };
            """, components: Components.Replace("    public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };\n", "", StringComparison.Ordinal)));

        var check = cli.Invoke("check", file);
        var run = cli.Invoke("run", file, "--runs", cli.Runs);

        const string problem = "error: pass-through: Data.TrainFraction is 1.5 but must be";
        Assert.Equal(ExitCodes.InvalidExperiment, check.ExitCode);
        Assert.Equal(ExitCodes.InvalidExperiment, run.ExitCode);
        Assert.Contains(problem, check.Error);
        Assert.Contains(problem, run.Error);
        Assert.DoesNotContain("ok", check.Output.Split('\n').Select(static l => l.Trim()));
    }
}
