using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// A binary modular task read back from its data, so that measures can evaluate the model on every
/// pair (a, b) in Z_p × Z_p. The rules, in order:
/// <list type="bullet">
/// <item>the modulus p is the class count (labels lie in [0, p));</item>
/// <item>the inputs are token sequences, or features [onehot(a), onehot(b)] of width 2p (the "one-hot"
/// encoding of Gromov 2023 and Doshi et al. 2024, two hot entries per row), which <see cref="IsOneHot"/> tells;</item>
/// <item>the operands are the two positions whose token varies across train ∪ test; every other position
/// holds the same token everywhere (e.g. Nanda et al.'s "=") and keeps it; operand token i stands for residue i;</item>
/// <item>a pair's label is the one the data gives it; pairs absent from the data (b = 0 for a/b) are
/// still evaluated, but have no label and count in no loss;</item>
/// <item>the operation is a+b when every label is (a + b) mod p, a−b when every label is (a − b) mod p,
/// and neither otherwise (restricted and excluded losses need one of the two).</item>
/// </list>
/// Grid row a·p + b holds the pair (a, b), the layout of Nanda et al.'s <c>all_data</c>.
/// </summary>
public sealed class ModularTask
{
    ModularTask(int modulus, int firstPosition, int secondPosition, long[] template, long[] labels, bool[] isTrain, int sign, ScalarType? oneHotType = null)
    {
        _oneHotType = oneHotType;
        Modulus = modulus;
        FirstPosition = firstPosition;
        SecondPosition = secondPosition;
        Template = template;
        Labels = labels;
        IsTrain = isTrain;
        Sign = sign;
    }

    readonly ScalarType? _oneHotType;

    public int Modulus { get; }

    /// <summary>Inputs are one-hot features [onehot(a), onehot(b)] (2p wide), not tokens; operand a is features [0, p), b is [p, 2p).</summary>
    public bool IsOneHot => _oneHotType is not null;
    public int FirstPosition { get; }
    public int SecondPosition { get; }

    /// <summary>An input row; its non-operand positions are copied into every grid row.</summary>
    public IReadOnlyList<long> Template { get; }

    /// <summary>Label of grid row a·p + b, or −1 where the data has none.</summary>
    public IReadOnlyList<long> Labels { get; }

    /// <summary>Whether grid row a·p + b is a training pair.</summary>
    public IReadOnlyList<bool> IsTrain { get; }

    /// <summary>+1 for a+b, −1 for a−b, 0 for any other operation.</summary>
    public int Sign { get; }

    public static ModularTask From(DatasetTensors data)
    {
        var shape = data.Shape;
        var p = shape.ClassCount;
        if (p < 2) throw new ArgumentException($"Modular measures need at least 2 classes, not {p}.");
        if (!shape.IsTokens) return FromOneHot(data, p);
        var length = shape.SequenceLength;

        var (trainInputs, trainTargets) = (Read(data.TrainInputs), Read(data.TrainTargets));
        var (testInputs, testTargets) = (Read(data.TestInputs), Read(data.TestTargets));
        var inputs = trainInputs.Concat(testInputs).ToArray();
        var count = inputs.Length / length;
        if (count == 0) throw new ArgumentException("Modular measures need data.");

        var varying = Enumerable.Range(0, length)
            .Where(position => Enumerable.Range(0, count).Any(row => inputs[row * length + position] != inputs[position]))
            .ToArray();
        if (varying.Length != 2)
            throw new ArgumentException(
                $"Modular measures need inputs with exactly two varying positions (the operands); these have {varying.Length}.");
        var (first, second) = (varying[0], varying[1]);

        var labels = Enumerable.Repeat(-1L, p * p).ToArray();
        var isTrain = new bool[p * p];
        var trainCount = trainInputs.Length / length;
        var targets = trainTargets.Concat(testTargets).ToArray();
        for (var row = 0; row < count; row++)
        {
            var (a, b) = (inputs[row * length + first], inputs[row * length + second]);
            if (a < 0 || a >= p || b < 0 || b >= p)
                throw new ArgumentException($"Operand tokens must be residues in [0, {p}); found ({a}, {b}).");
            if (targets[row] < 0 || targets[row] >= p)
                throw new ArgumentException($"Labels must lie in [0, {p}); found {targets[row]}.");
            var cell = (int)(a * p + b);
            labels[cell] = targets[row];
            if (row < trainCount) isTrain[cell] = true;
        }

        return new ModularTask(p, first, second, inputs[..length], labels, isTrain, DetectSign(labels, p));
    }

    static ModularTask FromOneHot(DatasetTensors data, int p)
    {
        if (data.Shape.FeatureCount != 2 * p)
            throw new ArgumentException(
                $"Modular measures need token inputs or one-hot operands [onehot(a), onehot(b)] of {2 * p} features; these have {data.Shape.FeatureCount}.");
        var labels = Enumerable.Repeat(-1L, p * p).ToArray();
        var isTrain = new bool[p * p];
        void Add(Tensor inputs, Tensor targets, bool train)
        {
            var features = ReadFeatures(inputs);
            var labelsOfRows = Read(targets);
            for (var row = 0; row < labelsOfRows.Length; row++)
            {
                var (a, b) = (HotIndex(features, row, 0, p), HotIndex(features, row, p, p));
                if (labelsOfRows[row] < 0 || labelsOfRows[row] >= p)
                    throw new ArgumentException($"Labels must lie in [0, {p}); found {labelsOfRows[row]}.");
                labels[a * p + b] = labelsOfRows[row];
                if (train) isTrain[a * p + b] = true;
            }
        }
        Add(data.TrainInputs, data.TrainTargets, train: true);
        Add(data.TestInputs, data.TestTargets, train: false);
        if (!labels.Any(l => l >= 0)) throw new ArgumentException("Modular measures need data.");
        return new ModularTask(p, 0, 1, [], labels, isTrain, DetectSign(labels, p), data.TrainInputs.dtype);
    }

    // The one position of features[row, offset..offset+p) that holds 1 while the others hold 0.
    static int HotIndex(double[] features, int row, int offset, int p)
    {
        var start = row * 2 * p + offset;
        var hot = -1;
        for (var i = 0; i < p; i++)
        {
            var value = features[start + i];
            if (value == 0) continue;
            if (value != 1 || hot >= 0)
                throw new ArgumentException("Modular measures need one-hot operands: each half of a feature row holds one 1 and zeros.");
            hot = i;
        }
        return hot >= 0 ? hot : throw new ArgumentException("Modular measures need one-hot operands: a half of a feature row holds no 1.");
    }

    /// <summary>Every pair as model input, row a·p + b: int64 [p², SequenceLength], or one-hot features [p², 2p] in the data's type.</summary>
    public Tensor GridInputs(Device device)
    {
        var p = Modulus;
        if (_oneHotType is { } type)
        {
            var features = new float[p * p * 2 * p];
            for (var a = 0; a < p; a++)
                for (var b = 0; b < p; b++)
                {
                    features[(a * p + b) * 2 * p + a] = 1;
                    features[(a * p + b) * 2 * p + p + b] = 1;
                }
            using var float32 = tensor(features, [p * p, 2 * p], device: device);
            return float32.to_type(type);
        }
        var length = Template.Count;
        var rows = new long[p * p * length];
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++)
            {
                var offset = (a * p + b) * length;
                for (var i = 0; i < length; i++) rows[offset + i] = Template[i];
                rows[offset + FirstPosition] = a;
                rows[offset + SecondPosition] = b;
            }
        return tensor(rows, [p * p, length], device: device);
    }

    /// <summary>Grid rows that have labels (all of them for a+b), and those that are training pairs.</summary>
    public long[] LabelledRows() => [.. Enumerable.Range(0, Modulus * Modulus).Where(i => Labels[i] >= 0).Select(i => (long)i)];

    public long[] TrainRows() => [.. Enumerable.Range(0, Modulus * Modulus).Where(i => IsTrain[i]).Select(i => (long)i)];

    /// <summary>The model's logits on every pair as float64 [p², p], in eval mode and without gradients.</summary>
    public Tensor GridLogits(nn.Module<Tensor, Tensor> model)
    {
        using var grid = GridInputs(ModelParameters.DeviceOf(model));
        using var logits = ModelParameters.Evaluate(model, grid);
        if (logits.dim() != 2 || logits.shape[0] != Modulus * Modulus || logits.shape[1] != Modulus)
            throw new InvalidOperationException(
                $"Modular measures need logits of shape [{Modulus * Modulus}, {Modulus}]; the model returned [{string.Join(", ", logits.shape)}].");
        return logits.to_type(ScalarType.Float64);
    }

    static long[] Read(Tensor t)
    {
        using var cpu = t.cpu();
        using var int64 = cpu.to_type(ScalarType.Int64);
        return int64.data<long>().ToArray();
    }

    static double[] ReadFeatures(Tensor t)
    {
        using var cpu = t.cpu();
        using var float64 = cpu.to_type(ScalarType.Float64);
        return float64.data<double>().ToArray();
    }

    static int DetectSign(long[] labels, int p)
    {
        bool Matches(Func<int, int, int> f)
        {
            for (var a = 0; a < p; a++)
                for (var b = 0; b < p; b++)
                    if (labels[a * p + b] is var label && label >= 0 && label != f(a, b)) return false;
            return true;
        }
        if (Matches((a, b) => (a + b) % p)) return 1;
        if (Matches((a, b) => ((a - b) % p + p) % p)) return -1;
        return 0;
    }
}
