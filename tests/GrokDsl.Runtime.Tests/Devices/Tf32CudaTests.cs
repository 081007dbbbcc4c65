using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Devices;

/// <summary>GPU category (skipped without CUDA, see <see cref="CudaTests"/>): TF32 switched on really changes CUDA matrix products.</summary>
[Trait("Category", "Gpu")]
public sealed class Tf32CudaTests
{
    [SkippableFact]
    public void Tf32ChangesFloat32MatrixProductsOnCudaUntilSwitchedOffAgain()
    {
        var cuda = CudaTests.Cuda();
        using var scope = NewDisposeScope();
        manual_seed(0);
        var a = randn(1024, 1024, device: cuda.Device);
        var b = randn(1024, 1024, device: cuda.Device);
        var exact = a.to_type(ScalarType.Float64).matmul(b.to_type(ScalarType.Float64));
        double LargestError(bool allowTf32)
        {
            Assert.Equal(allowTf32, Tf32.Apply(new Training { AllowTf32 = allowTf32 }, cuda).InEffect);
            return (a.matmul(b).to_type(ScalarType.Float64) - exact).abs().max().item<double>();
        }

        var ieee = LargestError(false);
        var tf32 = LargestError(true);
        var ieeeAgain = LargestError(false);

        // TF32 keeps 10 of float32's 23 mantissa bits, so its rounding error is about 2^13 times larger.
        Assert.True(tf32 > 50 * ieee, $"largest error with TF32 {tf32}, without {ieee}: TF32 did not take effect");
        Assert.Equal(ieee, ieeeAgain);
    }

    [SkippableFact]
    public void ARunRecordsTf32InEffectOnCudaAndTheNextRunSwitchesItOff()
    {
        var cuda = CudaTests.Cuda();
        using var runs = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var experiment = new ModularAddition() with
        {
            Data = new() { Modulus = 23, TrainFraction = 0.5 },
            Stopping = new() { MaxSteps = 10, StopAfterGrokking = false },
        };
        var executor = new RunCoordinator(host, SilentObserver.Instance, new Placement("cuda"));

        var withTf32 = executor.Train((experiment with { Training = experiment.Training with { AllowTf32 = true } }).ToRunSpec(), runs.Path, false, CancellationToken.None);
        var without = executor.Train(experiment.ToRunSpec(), runs.Path, false, CancellationToken.None);

        Assert.Equal((true, true), (withTf32.Directory.ReadEnvironment()!.Tf32Requested, withTf32.Directory.ReadEnvironment()!.Tf32InEffect));
        Assert.Equal((false, false), (without.Directory.ReadEnvironment()!.Tf32Requested, without.Directory.ReadEnvironment()!.Tf32InEffect));
        Assert.False(TorchSharp.torch.backends.cuda.matmul.allow_tf32);
    }
}
