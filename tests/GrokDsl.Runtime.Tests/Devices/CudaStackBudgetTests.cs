using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Devices;

/// <summary>GPU category: the stacking budget on CUDA comes from the GPU's measured free memory.</summary>
[Trait("Category", "Gpu")]
public sealed class CudaStackBudgetTests
{
    [SkippableFact]
    public void TheCudaBudgetIsMeasuredFreeGpuMemory()
    {
        var cuda = CudaTests.Cuda();
        var free = GpuMemory.FreeMiB(cuda.Device.index);

        var budget = StackingBudget.For(cuda);

        Assert.NotNull(free);
        Assert.Contains($"free on {cuda.Name}, measured with nvidia-smi", budget.Source);
        // Free memory moves a little between two readings; the budget is 80% of it.
        Assert.InRange(budget.MemoryBytes, 0.7 * free!.Value * (1 << 20), 0.9 * free.Value * (1 << 20));
    }
}
