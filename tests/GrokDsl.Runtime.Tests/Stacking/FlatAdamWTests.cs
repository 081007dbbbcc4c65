using GrokDsl.Runtime.Stacking;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Stacking;

public sealed class FlatAdamWTests
{
    [Fact]
    public void EachRunMovesAsTorchSharpsAdamWMovesItAloneAndInactiveRunsStayPut()
    {
        GrokDsl.AdamW[] settings =
        [
            new() { LearningRate = 1e-2, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 },
            new() { LearningRate = 3e-2, WeightDecay = 0.0, Beta1 = 0.8, Beta2 = 0.999, Epsilon = 1e-6 },
            new() { LearningRate = 1e-1, WeightDecay = 0.5 },
        ];
        manual_seed(7);
        using var initialA = randn(3, 4, 5);
        using var initialB = randn(3, 5);
        using var stackedA = new Parameter(initialA.clone());
        using var stackedB = new Parameter(initialB.clone());
        using var flat = new FlatAdamW([stackedA, stackedB], settings);
        var alone = Enumerable.Range(0, 2).Select(r => (A: new Parameter(initialA[r].clone()), B: new Parameter(initialB[r].clone()))).ToList();
        var optimizers = alone.Select((p, r) => optim.AdamW([p.A, p.B], settings[r].LearningRate, settings[r].Beta1, settings[r].Beta2, settings[r].Epsilon, weight_decay: settings[r].WeightDecay)).ToList();

        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            flat.ZeroGradients();
            (stackedA.square().sum([1, 2]) + stackedB.pow(3).sum([1])).sum().backward();
            flat.Step([.. settings.Select(s => s.LearningRate)], [true, true, false]);
            for (var r = 0; r < 2; r++)
            {
                optimizers[r].zero_grad();
                (alone[r].A.square().sum() + alone[r].B.pow(3).sum()).backward();
                optimizers[r].step();
            }
        }

        for (var r = 0; r < 2; r++)
        {
            Assert.True(stackedA[r].allclose(alone[r].A, rtol: 1e-5, atol: 1e-6), $"run {r} A");
            Assert.True(stackedB[r].allclose(alone[r].B, rtol: 1e-5, atol: 1e-6), $"run {r} B");
        }
        Assert.True(stackedA[2].eq(initialA[2]).all().item<bool>());
        Assert.True(stackedB[2].eq(initialB[2]).all().item<bool>());
        Assert.Equal([true, true, true], flat.FiniteRuns());
    }
}
