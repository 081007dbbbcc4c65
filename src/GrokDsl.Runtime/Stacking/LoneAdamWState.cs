using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Optimization;
using static TorchSharp.torch;
using TorchAdamW = TorchSharp.Modules.AdamW;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// One run's share of <see cref="FlatAdamW"/> as the optimizer file of a run made alone. It goes through a real
/// TorchSharp AdamW over the run's own model (per parameter: step, exp_avg, exp_avg_sq), so the file is the one
/// that run's lone trainer writes and reads, and a checkpoint resumes stacked or alone alike.
/// </summary>
static class LoneAdamWState
{
    /// <param name="stackedIndex">For each parameter of <paramref name="model"/>, in order, the index of its stacked parameter.</param>
    /// <param name="learningRate">The rate of the last update, which the lone optimizer's options still hold.</param>
    public static void Write(BinaryWriter writer, FlatAdamW flat, int run, nn.Module model, IReadOnlyList<int> stackedIndex, AdamW settings, double learningRate)
    {
        using var optimizer = Create(model, settings);
        var states = optimizer.state_dict().State;
        using (no_grad())
        {
            for (var i = 0; i < states.Count; i++)
            {
                var state = (TorchAdamW.State)states[i];
                var (average, averageSquare) = flat.Moments(run, stackedIndex[i]);
                using (average) state.exp_avg.copy_(average);
                using (averageSquare) state.exp_avg_sq.copy_(averageSquare);
                state.step = flat.Steps;
            }
        }
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        optimizer.save_state_dict(writer);
    }

    /// <summary>Loads a checkpoint's optimizer file into run <paramref name="run"/>'s moments; returns its update count.</summary>
    public static long Read(Checkpoint checkpoint, FlatAdamW flat, int run, nn.Module model, IReadOnlyList<int> stackedIndex, AdamW settings)
    {
        using var optimizer = Create(model, settings);
        RunCheckpoints.ReadOptimizer(checkpoint, optimizer);
        var states = optimizer.state_dict().State.Cast<TorchAdamW.State>().ToList();
        if (states.Any(s => s.step != states[0].step || s.max_exp_avg_sq is not null))
            throw new InvalidDataException(
                $"{checkpoint.File(RunCheckpoints.OptimizerFile)}: its parameters are at different AdamW steps or use AMSGrad, which a stacked run cannot continue; resume the run alone.");
        using (no_grad())
        {
            for (var i = 0; i < states.Count; i++)
            {
                var (average, averageSquare) = flat.Moments(run, stackedIndex[i]);
                using (average) average.copy_(states[i].exp_avg);
                using (averageSquare) averageSquare.copy_(states[i].exp_avg_sq);
            }
        }
        return states.Count == 0 ? 0 : states[0].step;
    }

    static TorchAdamW Create(nn.Module model, AdamW settings) =>
        (TorchAdamW)OptimizerFactory.Create(settings, model.parameters());
}
