using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Devices;

/// <summary>
/// GPU category: runs where this test process can use CUDA (a CUDA libtorch found by <see cref="DeviceSelection"/>
/// and a GPU), and reports itself skipped, with the reason, everywhere else.
/// </summary>
[Trait("Category", "Gpu")]
public sealed class CudaTests
{
    static readonly ModularAddition Small = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Stopping = new() { MaxSteps = 20, StopAfterGrokking = false },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10 },
    };

    internal static SelectedDevice Cuda()
    {
        try
        {
            return DeviceSelection.Select(new DeviceRequest(DeviceKind.Cuda));
        }
        catch (DeviceUnavailableException e)
        {
            Skip.If(true, $"No CUDA here: {e.Message}");
            throw;
        }
    }

    [SkippableFact]
    public void CpuAndCudaAgreeOverAFewSteps()
    {
        var cuda = Cuda();
        using var cpuRuns = new TempFolder();
        using var cudaRuns = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var spec = Small.ToRunSpec();

        var onCpu = new RunCoordinator(host, SilentObserver.Instance).Train(spec, cpuRuns.Path, false, CancellationToken.None);
        var onCuda = new RunCoordinator(host, SilentObserver.Instance, new Placement("cuda")).Train(spec, cudaRuns.Path, false, CancellationToken.None);

        Assert.Equal("cuda:0", onCuda.Summary.Device);
        var (a, b) = (onCpu.Directory.ReadMetrics(out _), onCuda.Directory.ReadMetrics(out _));
        Assert.Equal(a.Select(m => m.Step), b.Select(m => m.Step));
        Assert.All(a.Zip(b), pair => Assert.InRange(Math.Abs(pair.First.TrainLoss - pair.Second.TrainLoss), 0, 1e-3));
    }

    [SkippableFact]
    public void StackedRunsOnCudaMatchTheSameRunsAloneOnCuda() =>
        AssertStackedMatchesAlone(Cuda(), [.. Enumerable.Range(0, 3).Select(seed => (Small with { Seed = seed }).ToRunSpec())]);

    [SkippableFact]
    public void StackedTransformerRunsOnCudaMatchTheSameRunsAloneOnCuda()
    {
        var cuda = Cuda();
        var small = Nanda2023.Smoke with { Model = Transformer.Nanda2023 with { Width = 16, Heads = 4, MlpWidth = 32 }, Measures = ["weight-norm"] };
        AssertStackedMatchesAlone(cuda, [.. Enumerable.Range(0, 3).Select(seed => (small with { Seed = seed }).ToRunSpec())]);
    }

    static void AssertStackedMatchesAlone(SelectedDevice cuda, IReadOnlyList<RunSpec> specs)
    {
        using var alone = new TempFolder();
        using var stacked = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();

        var single = specs.Select(s => new RunCoordinator(host, SilentObserver.Instance, new Placement("cuda")).Train(s, alone.Path, false, CancellationToken.None)).ToList();
        var result = new RunCoordinator(host, SilentObserver.Instance, new Placement("cuda", Stack: true)).Train(specs, stacked.Path, new RunControl(CancellationToken.None));

        Assert.Equal(specs.Count, Assert.Single(result.Packing!.Stacks).Runs.Count);
        for (var r = 0; r < specs.Count; r++)
        {
            var (a, b) = (single[r].Directory.ReadMetrics(out _), result.Results[r].Directory.ReadMetrics(out _));
            Assert.All(a.Zip(b), pair => Assert.InRange(Math.Abs(pair.First.TrainLoss - pair.Second.TrainLoss), 0, 1e-3));
        }
    }
}
