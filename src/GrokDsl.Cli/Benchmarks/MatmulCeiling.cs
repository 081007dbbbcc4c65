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
    /// FLOPs of the Linear layers in one full-batch training step: forward (2·rows·in·out, the rows each layer is
    /// called on, counted by forward hooks in one evaluation-mode pass over the training set: positions of a sequence
    /// model count), the gradients of input and weight (twice the forward), plus the test set's forward every
    /// <paramref name="evaluateEvery"/> steps. Elementwise work, attention scores, the loss and the optimizer are left
    /// out, so the bound it gives is generous.
    /// </summary>
    public static double StepFlops(TrainingComponents components, int evaluateEvery)
    {
        var (train, test) = (components.Data.TrainTargets.shape[0], components.Data.TestTargets.shape[0]);
        return ForwardFlops(components.Model, components.Data.TrainInputs) * (3.0 + (double)test / train / Math.Max(1, evaluateEvery));
    }

    static double ForwardFlops(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        var flops = 0.0;
        var hooks = model.modules().OfType<Linear>()
            .Select(linear => linear.register_forward_hook((_, _, output) =>
            {
                flops += 2.0 * output.numel() * linear.weight!.shape[1];
                return output;
            }))
            .ToList();
        var wasTraining = model.training;
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            model.eval();
            model.call(inputs);
        }
        finally
        {
            if (wasTraining) model.train();
            foreach (var hook in hooks) hook.remove();
        }
        return flops;
    }
}
