using System.Diagnostics;
using GrokDsl.Runtime.Execution;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// Where a training step is compute-bound (small models on a CPU), batching runs cannot beat the device's
/// matrix-product throughput. This measures that throughput and a model's matrix-product work per step, so that
/// <c>bench stacked</c> can print the best ratio any stacking could reach next to the one it measured.
/// </summary>
static class MatmulCeiling
{
    /// <summary>Float32 GFLOP/s of a large square matrix product on <paramref name="device"/>, best of a few.</summary>
    public static double MeasureGflops(Device device, int size = 1024, int repeats = 8)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (a, b) = (randn(size, size, device: device), randn(size, size, device: device));
        a.matmul(b); // first call: allocation and kernel selection
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var product = a.matmul(b);
            if (device.type == DeviceType.CUDA) cuda.synchronize();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * size * size * size / best / 1e9;
    }

    /// <summary>
    /// FLOPs of the Linear layers in one full-batch training step: forward (2·N·in·out), the gradients of input and
    /// weight (4·N·in·out), plus the test set's forward every <paramref name="evaluateEvery"/> steps. Elementwise
    /// work, the loss and the optimizer are left out, so the bound it gives is generous.
    /// </summary>
    public static double StepFlops(TrainingComponents components, int evaluateEvery)
    {
        var (train, test) = (components.Data.TrainTargets.shape[0], components.Data.TestTargets.shape[0]);
        var products = components.Model.modules().OfType<Linear>().Sum(l => (double)l.weight!.shape[0] * l.weight.shape[1]);
        return products * (6.0 * train + 2.0 * test / Math.Max(1, evaluateEvery));
    }
}
