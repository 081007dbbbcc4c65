using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>Applies <see cref="IKeyFrequencyOptions"/> to a model: checks them once, then finds the frequencies.</summary>
sealed class KeyFrequencyFinder
{
    readonly IKeyFrequencyOptions _options;
    readonly IReadOnlyList<int>? _fixed;

    public KeyFrequencyFinder(IKeyFrequencyOptions options, IReadOnlyList<int>? fixedFrequencies = null)
    {
        // A setting that has no effect is an error, not a silent no-op.
        if (options.ActivationModule is not null && options.KeyFrequencySource != KeyFrequencySource.Activations)
            throw new ArgumentException("ActivationModule is only used with KeyFrequencySource Activations.");
        if (options.KeyFrequencySource == KeyFrequencySource.Activations && string.IsNullOrEmpty(options.ActivationModule))
            throw new ArgumentException("KeyFrequencySource Activations needs ActivationModule.");
        if (options.WeightParameter is not null && options.KeyFrequencySource != KeyFrequencySource.Weights)
            throw new ArgumentException("WeightParameter is only used with KeyFrequencySource Weights.");
        if (options.MinimumLogitFraction is < 0 or > 1 || options.MinimumNeuronFraction is < 0 or > 1)
            throw new ArgumentException("Minimum fractions lie in [0, 1].");
        if (fixedFrequencies is { Count: 0 })
            throw new ArgumentException("KeyFrequencies, when given, must list at least one frequency.");
        _options = options;
        _fixed = fixedFrequencies;
    }

    /// <param name="gridLogits">The model's float64 logits on the grid, if the caller already has them.</param>
    public KeyFrequencySet Find(nn.Module<Tensor, Tensor> model, ModularTask task, int vocabularySize, Tensor? gridLogits = null)
    {
        var p = task.Modulus;
        if (_fixed is not null)
        {
            if (_fixed.Any(k => k < 1 || k > FourierBasis.FrequencyCount(p)))
                throw new ArgumentException($"Key frequencies lie in [1, {FourierBasis.FrequencyCount(p)}] for p = {p}.");
            return KeyFrequencySet.Fixed(_fixed);
        }

        using var scope = NewDisposeScope();
        switch (_options.KeyFrequencySource)
        {
            case KeyFrequencySource.Logits:
                if (task.Sign == 0)
                    throw new ArgumentException("KeyFrequencySource Logits needs an a+b or a−b task; use Weights or Activations.");
                return KeyFrequencies.FromLogits(gridLogits ?? task.GridLogits(model), p, task.Sign, _options.MinimumLogitFraction);
            case KeyFrequencySource.Activations:
                var grid = task.GridInputs(ModelParameters.DeviceOf(model));
                var activations = ActivationCapture.Capture(model, _options.ActivationModule!, grid);
                return KeyFrequencies.FromGridActivations(activations, p, _options.MinimumNeuronFraction);
            case KeyFrequencySource.Weights:
                var weight = _options.WeightParameter is { } name
                    ? ModelParameters.Find(model, name)
                    : ModelParameters.Embedding(model, p, vocabularySize)?.Value
                        ?? throw new ArgumentException("The model has no embedding (a 2-D parameter whose first dimension is the vocabulary); set WeightParameter.");
                return KeyFrequencies.FromSignals(ModelParameters.Signals(weight, p, vocabularySize), _options.MinimumNeuronFraction);
            default:
                throw new ArgumentOutOfRangeException(nameof(_options.KeyFrequencySource), _options.KeyFrequencySource, null);
        }
    }
}
