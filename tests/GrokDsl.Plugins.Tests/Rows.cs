using static TorchSharp.torch;

namespace GrokDsl.PluginTests;

/// <summary>Plain arrays out of dataset tensors, so tests can reason about rows.</summary>
static class Rows
{
    public static long[][] Tokens(Tensor inputs)
    {
        var width = (int)inputs.shape[1];
        var flat = inputs.data<long>().ToArray();
        return [.. Enumerable.Range(0, flat.Length / width).Select(i => flat[(i * width)..((i + 1) * width)])];
    }

    public static float[][] Features(Tensor inputs)
    {
        var width = (int)inputs.shape[1];
        var flat = inputs.data<float>().ToArray();
        return [.. Enumerable.Range(0, flat.Length / width).Select(i => flat[(i * width)..((i + 1) * width)])];
    }

    public static long[] Labels(Tensor targets) => targets.data<long>().ToArray();

    /// <summary>A row as a string key, for set comparisons.</summary>
    public static string Key<T>(IEnumerable<T> row) => string.Join(",", row);
}
