using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// AdamW over stacked parameters kept in one flat buffer [R, P] (R runs, P parameters per run). Every
/// parameter becomes a view into the buffer and its gradient a view into a twin gradient buffer, which
/// autograd accumulates into in place; so a step is about a dozen element-wise kernels over [R, P] whatever
/// the number of parameter tensors, instead of several per tensor. Learning rate, weight decay, betas and
/// epsilon are per run ([R, 1] columns); a run whose <c>active</c> flag is off is left unchanged. The update
/// is TorchSharp's AdamW (decoupled weight decay first, then Adam with bias correction), run by run.
/// </summary>
public sealed class FlatAdamW : IDisposable
{
    readonly Tensor _values, _gradients, _average, _averageSquare;
    readonly Tensor _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon;
    readonly double[] _beta1s, _beta2s, _weightDecays;
    readonly List<(long Offset, long Width, long[] Shape)> _segments = [];
    long _step;

    /// <param name="parameters">Stacked parameters, each [R, ...], all of one dtype and device.</param>
    /// <param name="runs">Each run's optimizer settings, in run order.</param>
    public FlatAdamW(IReadOnlyList<Parameter> parameters, IReadOnlyList<AdamW> runs)
    {
        var runCount = runs.Count;
        if (parameters.Any(p => p.shape[0] != runCount))
            throw new ArgumentException($"Every stacked parameter needs a leading run dimension of {runCount}.");
        var first = parameters[0];
        var perRun = parameters.Sum(p => p.numel() / runCount);
        _values = zeros([runCount, perRun], first.dtype, first.device);
        _gradients = zeros([runCount, perRun], first.dtype, first.device);
        _average = zeros([runCount, perRun], first.dtype, first.device);
        _averageSquare = zeros([runCount, perRun], first.dtype, first.device);

        // The narrowed views are temporaries: the parameters and their gradients keep the storage they point into.
        using (NewDisposeScope())
        using (no_grad())
        {
            long offset = 0;
            foreach (var parameter in parameters)
            {
                var width = parameter.numel() / runCount;
                var value = _values.narrow(1, offset, width).view(parameter.shape);
                value.copy_(parameter);
                parameter.set_(value);
                parameter.grad = _gradients.narrow(1, offset, width).view(parameter.shape);
                _segments.Add((offset, width, parameter.shape[1..]));
                offset += width;
            }
        }

        _beta1s = [.. runs.Select(r => r.Beta1)];
        _beta2s = [.. runs.Select(r => r.Beta2)];
        _weightDecays = [.. runs.Select(r => r.WeightDecay)];
        _beta1 = Column(_beta1s);
        _oneMinusBeta1 = Column([.. _beta1s.Select(b => 1 - b)]);
        _beta2 = Column(_beta2s);
        _oneMinusBeta2 = Column([.. _beta2s.Select(b => 1 - b)]);
        _epsilon = Column([.. runs.Select(r => r.Epsilon)]);
    }

    /// <summary>The parameters of every run, [R, P]; parameter tensors are views into it.</summary>
    public Tensor Values => _values;

    /// <summary>The gradients of every run, [R, P]; parameter gradients are views into it.</summary>
    public Tensor Gradients => _gradients;

    public int RunCount => (int)_values.shape[0];

    /// <summary>Where each stacked parameter lies in a run's row of P values, in constructor order.</summary>
    public IReadOnlyList<(long Offset, long Width, long[] Shape)> Segments => _segments;

    /// <summary>Updates made so far (every run of a stack starts at the same step), as AdamW's bias correction counts them.</summary>
    public long Steps => _step;

    /// <summary>Continues from a checkpoint after <paramref name="steps"/> updates (restore the moments with <see cref="Moments"/>).</summary>
    public void ResumeAt(long steps) => _step = steps;

    /// <summary>Run <paramref name="run"/>'s two moments of stacked parameter <paramref name="parameter"/>: views shaped like the parameter alone.</summary>
    public (Tensor Average, Tensor AverageSquare) Moments(int run, int parameter) =>
        (RunView(_average, run, parameter), RunView(_averageSquare, run, parameter));

    /// <summary>
    /// Run <paramref name="run"/>'s part of stacked parameter <paramref name="parameter"/> in any [R, P] buffer laid
    /// out like the parameters (moments, gradients, gradient-filter state): a view shaped like the parameter alone.
    /// </summary>
    public Tensor RunView(Tensor buffer, int run, int parameter)
    {
        var (offset, width, shape) = _segments[parameter];
        using var row = buffer[run];
        using var segment = row.narrow(0, offset, width);
        return segment.view(shape);
    }

    public void ZeroGradients() => _gradients.zero_();

    /// <summary>One AdamW step for every active run, each at its own learning rate.</summary>
    public void Step(IReadOnlyList<double> learningRates, IReadOnlyList<bool> active)
    {
        _step++;
        var runs = RunCount;
        var factors = new double[3 * runs];
        for (var r = 0; r < runs; r++)
        {
            var on = active[r];
            factors[r] = on ? 1 - learningRates[r] * _weightDecays[r] : 1;
            factors[runs + r] = on ? learningRates[r] / (1 - Math.Pow(_beta1s[r], _step)) : 0;
            factors[2 * runs + r] = Math.Sqrt(1 - Math.Pow(_beta2s[r], _step));
        }

        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var columns = tensor(factors, [3, runs, 1], _values.dtype, _values.device);
        var (decay, stepSize, biasCorrection2) = (columns[0], columns[1], columns[2]);

        _values.mul_(decay);
        _average.mul_(_beta1).addcmul_(_gradients, _oneMinusBeta1, 1);
        _averageSquare.mul_(_beta2).addcmul_(_gradients.mul(_gradients), _oneMinusBeta2, 1);
        var denominator = _averageSquare.sqrt().div_(biasCorrection2).add_(_epsilon);
        _values.addcdiv_(_average.mul(stepSize), denominator, value: -1);
    }

    /// <summary>Zeroes a run's parameters and moments, so a diverged run's NaNs stay out of later arithmetic.</summary>
    public void Clear(int run)
    {
        using var _ = no_grad();
        foreach (var buffer in new[] { _values, _average, _averageSquare })
        {
            using var row = buffer[run];
            row.zero_();
        }
    }

    /// <summary>Per run, whether every parameter is finite.</summary>
    public bool[] FiniteRuns()
    {
        using var _ = no_grad();
        using var finite = isfinite(_values).all(1);
        return finite.data<bool>().ToArray();
    }

    Tensor Column(double[] values) => tensor(values, [values.Length, 1], _values.dtype, _values.device);

    public void Dispose()
    {
        foreach (var t in new[] { _values, _gradients, _average, _averageSquare, _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon })
            t.Dispose();
    }
}
