using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Devices;

/// <summary>Precision and TF32 as each run records them, on the CPU; CudaTests covers TF32 where it takes effect.</summary>
public sealed class Tf32Tests
{
    static readonly ModularAddition Small = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Stopping = new() { MaxSteps = 10, StopAfterGrokking = false },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10 },
    };

    sealed class Warnings : ITrainingObserver
    {
        public List<string> Lines { get; } = [];

        public void OnWarning(string message) => Lines.Add(message);
    }

    static (RunResult Result, List<string> Warnings) Run(ModularAddition experiment, string runs)
    {
        using var host = TestPlugins.LoadBuiltIns();
        var warnings = new Warnings();
        var result = new RunCoordinator(host, warnings).Train(experiment.ToRunSpec(), runs, false, CancellationToken.None);
        return (result, warnings.Lines);
    }

    [Fact]
    public void Tf32AskedForOnTheCpuIsRecordedAsNotInEffectWithOneNote()
    {
        using var runs = new TempFolder();

        var (result, warnings) = Run(Small with { Training = Small.Training with { AllowTf32 = true } }, runs.Path);

        var environment = result.Directory.ReadEnvironment()!;
        Assert.Equal((true, false, "Float32"), (environment.Tf32Requested, environment.Tf32InEffect, environment.Precision));
        Assert.Contains("\"AllowTf32\": true", File.ReadAllText(result.Directory.ConfigurationPath), StringComparison.Ordinal);
        var note = Assert.Single(warnings);
        Assert.Contains("Training.AllowTf32", note, StringComparison.Ordinal);
        Assert.Contains("cpu", note, StringComparison.Ordinal);
    }

    [Fact]
    public void ADefaultRunRecordsFloat32WithoutTf32AndSaysNothing()
    {
        using var runs = new TempFolder();

        var (result, warnings) = Run(Small, runs.Path);

        var environment = result.Directory.ReadEnvironment()!;
        Assert.Equal((false, false, "Float32"), (environment.Tf32Requested, environment.Tf32InEffect, environment.Precision));
        Assert.DoesNotContain("AllowTf32", File.ReadAllText(result.Directory.ConfigurationPath), StringComparison.Ordinal);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AFloat64RunRecordsItsPrecisionInConfigurationAndEnvironment()
    {
        using var runs = new TempFolder();

        var (result, _) = Run(Small with { Training = Small.Training with { Precision = Precision.Float64 } }, runs.Path);

        Assert.Equal("Float64", result.Directory.ReadEnvironment()!.Precision);
        Assert.Contains("\"Precision\": \"Float64\"", File.ReadAllText(result.Directory.ConfigurationPath), StringComparison.Ordinal);
    }

    [Fact]
    public void StackedRunsRecordTf32AsTheSameRunsMadeAlone()
    {
        using var alone = new TempFolder();
        using var stacked = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var withTf32 = Small with { Training = Small.Training with { AllowTf32 = true } };
        var specs = new[] { withTf32.ToRunSpec(), (withTf32 with { Seed = 1 }).ToRunSpec() };
        var warnings = new Warnings();

        var single = specs.Select(s => new RunCoordinator(host, SilentObserver.Instance).Train(s, alone.Path, false, CancellationToken.None)).ToList();
        var result = new RunCoordinator(host, warnings, new Placement(Stack: true)).Train(specs, stacked.Path, new RunControl(CancellationToken.None));

        Assert.Equal(specs.Length, Assert.Single(result.Packing!.Stacks).Runs.Count);
        for (var r = 0; r < specs.Length; r++)
        {
            var (expected, actual) = (single[r].Directory.ReadEnvironment()!, result.Results[r].Directory.ReadEnvironment()!);
            Assert.Equal((expected.Precision, expected.Tf32Requested, expected.Tf32InEffect), (actual.Precision, actual.Tf32Requested, actual.Tf32InEffect));
        }
        Assert.Equal(specs.Length, warnings.Lines.Count(line => line.Contains("Training.AllowTf32", StringComparison.Ordinal)));
    }

    [Fact]
    public void RunsThatDifferInTf32AreNotStackedTogether()
    {
        using var host = TestPlugins.LoadBuiltIns();
        RunSpec[] specs =
        [
            Small.ToRunSpec(),
            (Small with { Seed = 1 }).ToRunSpec(),
            (Small with { Seed = 2, Training = Small.Training with { AllowTf32 = true } }).ToRunSpec(),
            (Small with { Seed = 3, Training = Small.Training with { AllowTf32 = true } }).ToRunSpec(),
        ];

        var plan = StackPlanner.Plan(specs, host, StackingBudget.Default);

        Assert.Equal(2, plan.Stacks.Count);
        Assert.All(plan.Stacks, stack => Assert.Single(stack.Runs.Select(r => r.Training.AllowTf32).Distinct()));
    }
}
