using GrokDsl.Contracts;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Stacking;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>
/// The stack planner sizes stacks to a memory budget with an estimate that counts the model's activations, and the
/// budget says where it came from: configured, the host memory available to the process, or measured free GPU memory.
/// </summary>
public sealed class StackBudgetTests
{
    static readonly ModularAddition Mlp = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
    };

    static readonly Nanda2023 Transformer = Nanda2023.Smoke;

    static RunSpec[] Seeds(Func<int, RunSpec> run, int count) => [.. Enumerable.Range(0, count).Select(run)];

    static StackPlan Plan(IReadOnlyList<RunSpec> specs, StackingBudget budget)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return StackPlanner.Plan(specs, host, budget);
    }

    static long BytesPerRun(Func<int, RunSpec> run) => Plan(Seeds(run, 2), StackingBudget.Default).Stacks.Single().BytesPerRun;

    [Fact]
    public void ABudgetOfThreeAndAHalfMlpRunsPacksFiveRunsAsThreeAndTwo()
    {
        var specs = Seeds(seed => (Mlp with { Seed = seed }).ToRunSpec(), 5);
        var perRun = BytesPerRun(seed => specs[seed]);

        var plan = Plan(specs, new StackingBudget(perRun * 7 / 2, 64));

        Assert.Equal([3, 2], plan.Stacks.Select(s => s.Runs.Count));
        Assert.Empty(plan.Alone);
    }

    [Fact]
    public void ABudgetOfTwoTransformerRunsPacksFiveRunsAsTwoTwoAndOneAlone()
    {
        var specs = Seeds(seed => (Transformer with { Seed = seed }).ToRunSpec(), 5);
        var perRun = BytesPerRun(seed => specs[seed]);

        var plan = Plan(specs, new StackingBudget(2 * perRun, 64));

        Assert.Equal([2, 2], plan.Stacks.Select(s => s.Runs.Count));
        Assert.Contains("memory budget", Assert.Single(plan.Alone).Reason);
    }

    [Fact]
    public void AWiderTransformerMlpGrowsTheEstimateByItsActivationsNotOnlyItsParameters()
    {
        RunSpec Narrow(int seed) => (Transformer with { Seed = seed, Model = Transformer.Model with { MlpWidth = 64 } }).ToRunSpec();
        RunSpec Wide(int seed) => (Transformer with { Seed = seed, Model = Transformer.Model with { MlpWidth = 256 } }).ToRunSpec();

        var growth = BytesPerRun(Wide) - BytesPerRun(Narrow);
        var extraParameters = Sizes(Wide(0)).Parameters - Sizes(Narrow(0)).Parameters;

        // Parameters with their gradients and both AdamW moments take 16 bytes each in float32; the rest is activations.
        Assert.True(growth > 4 * 16 * extraParameters, $"the estimate grew by {growth} bytes for {extraParameters} more parameters");
    }

    [Fact]
    public void MiniBatchRunsCountTheActivationsOfABatchNotOfTheTrainingSet()
    {
        // 90% of the pairs train: the training set, not the test set, is the largest forward pass of a full-batch step.
        var mostlyTrain = Transformer with { Data = Transformer.Data with { TrainFraction = 0.9 } };
        RunSpec FullBatch(int seed) => (mostlyTrain with { Seed = seed }).ToRunSpec();
        RunSpec MiniBatch(int seed) => (mostlyTrain with { Seed = seed, Training = mostlyTrain.Training with { BatchSize = 64 } }).ToRunSpec();
        var (activations, trainCount, testCount, _) = Sizes(FullBatch(0));
        Assert.True(testCount < 64, $"{testCount} test examples");

        var saving = BytesPerRun(FullBatch) - BytesPerRun(MiniBatch);

        Assert.True(saving >= 4 * activations * (trainCount - 64), $"{saving} bytes saved; {activations} activations per example, {trainCount} train examples");
    }

    [Fact]
    public void AProviderThatEstimatesNoActivationsKeepsTheDefaultOfNone()
    {
        IStackableModelProvider provider = new ParametersOnly();

        Assert.Equal(0, provider.ActivationsPerExample(ComponentOptions.Empty, new ModelContext(new DatasetShape(3, 24, 0, 23), ScalarType.Float32)));
    }

    [Fact]
    public void TheHostBudgetIsHalfTheMemoryAvailableToTheProcessAndSaysSo()
    {
        var budget = StackingBudget.ForHost(8L << 30);
        var machine = StackingBudget.For(SelectedDevice.Cpu);

        Assert.Equal(4L << 30, budget.MemoryBytes);
        Assert.Contains("half of the 8.0 GiB of memory available to this process", budget.Source);
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2, machine.MemoryBytes);
    }

    [Fact]
    public void TheGpuBudgetIsAShareOfTheMeasuredFreeMemoryOrAFixedOneWithAWarning()
    {
        var measured = StackingBudget.ForGpu("cuda:1", freeMiB: 10 * 1024);
        var unmeasured = StackingBudget.ForGpu("cuda:0", freeMiB: null);

        Assert.Equal(8L << 30, measured.MemoryBytes);
        Assert.Contains("80% of the 10.0 GiB free on cuda:1, measured with nvidia-smi", measured.Source);
        Assert.Equal(StackingBudget.Default.MemoryBytes, unmeasured.MemoryBytes);
        Assert.Contains("the free memory of cuda:0 could not be measured", unmeasured.Source);
        Assert.Contains("--stack-memory", unmeasured.Source);
    }

    [Fact]
    public void ThePackingReportStartsWithTheBudgetAndItsSource()
    {
        var plan = Plan(Seeds(seed => (Mlp with { Seed = seed }).ToRunSpec(), 2), StackingBudget.Configured(3L << 29));

        Assert.Equal("stack budget: 1.5 GiB and at most 64 runs per stack (configured with --stack-memory)", plan.Describe().First());
    }

    // The model's parameters and activations per example, with the example counts of its data, as the planner sees them.
    static (long ActivationsPerExample, long TrainCount, long TestCount, long Parameters) Sizes(RunSpec spec)
    {
        using var host = TestPlugins.LoadBuiltIns();
        using var data = host.Dataset(spec.Dataset.Id).Create(spec.Dataset.Options, spec.Seed);
        var provider = (IStackableModelProvider)host.Model(spec.Model.Id);
        var context = new ModelContext(data.Shape, ScalarType.Float32);
        using var model = provider.Create(spec.Model.Options, context);
        return (provider.ActivationsPerExample(spec.Model.Options, context), data.TrainTargets.shape[0], data.TestTargets.shape[0],
            model.parameters().Sum(p => p.numel()));
    }

    // A third-party provider written before activations were estimated.
    sealed class ParametersOnly : IStackableModelProvider
    {
        public string Id => "parameters-only";

        public nn.Module<Tensor, Tensor> Create(ComponentOptions options, ModelContext context) => throw new NotSupportedException();

        public string? StackingKey(ComponentOptions options, ModelContext context) => null;

        public nn.Module<Tensor, Tensor> CreateStacked(ComponentOptions options, ModelContext context, int runs) => throw new NotSupportedException();
    }
}
