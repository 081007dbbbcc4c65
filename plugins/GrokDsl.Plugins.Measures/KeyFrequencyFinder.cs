using GrokDsl.Contracts;
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
        if (options.ActivationModule is { Length: 0 })
            throw new ArgumentException("ActivationModule, when given, must name a module; null finds the neurons.");
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
                var activations = ActivationCapture.Capture(model, _options.ActivationModule ?? NeuronModule(model), grid);
                return KeyFrequencies.FromGridActivations(activations, p, _options.MinimumNeuronFraction);
            case KeyFrequencySource.Weights:
                var signals = ModelParameters.EmbeddingSignals(model, task, vocabularySize, _options.WeightParameter);
                return KeyFrequencies.FromSignals(signals, _options.MinimumNeuronFraction);
            default:
                throw new ArgumentOutOfRangeException(nameof(_options.KeyFrequencySource), _options.KeyFrequencySource, null);
        }
    }

    /// <summary>
    /// The neurons when no module is named: the last <see cref="ActivationLayer"/> of the model, the MLP
    /// nonlinearity nearest the logits ("blocks.0.mlpActivation" of the transformer, "activations.0" of the MLP),
    /// which is where Nanda et al. read their neurons.
    /// </summary>
    public static string NeuronModule(nn.Module model) =>
        model.named_modules().LastOrDefault(m => m.module is ActivationLayer).name
        ?? throw new ArgumentException(
            "The model has no ActivationLayer module to read neurons from; set ActivationModule, or use KeyFrequencySource Logits or Weights.");
}
