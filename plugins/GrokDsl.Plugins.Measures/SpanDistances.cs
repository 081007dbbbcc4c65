using static TorchSharp.torch;

namespace GrokDsl.Plugins.Measures;

/// <summary>
/// The SCI chart of one sentence (Murty et al. 2022, §3): for every span, the cosine distance between its representation
/// in context (the hidden states of its tokens when the whole sentence is fed) and in isolation (when the span alone is
/// fed, from position 0). Murty et al. isolate a span by masking attention and keep its positions; the model contract
/// takes no mask, so the span is fed alone. In a causal model a span that starts the sentence sees the same tokens both
/// ways, so its distance is exactly 0 and it is not fed again: n(n − 1)/2 span sequences per sentence of n tokens, in
/// n − 1 forward passes (one per span length).
/// </summary>
static class SpanDistances
{
    /// <param name="module">The module whose output [N, T, width] is the hidden state.</param>
    /// <returns>d(i, j) at [i, j] for the tokens i … j; 0 where i = 0.</returns>
    public static double[,] Chart(nn.Module<Tensor, Tensor> model, string module, long[] sentence, SpanPooling pooling)
    {
        using var scope = NewDisposeScope();
        var device = ModelParameters.DeviceOf(model);
        var n = sentence.Length;
        var inContext = ActivationCapture.Output(model, module, tensor(sentence, [1, n], device: device))[0]; // [n, width]
        var chart = new double[n, n];
        for (var length = 1; length < n; length++)
        {
            // The spans of this length that do not start the sentence: first tokens 1 … n − length.
            var count = n - length;
            var alone = tensor(Enumerable.Range(1, count).SelectMany(first => sentence[first..(first + length)]).ToArray(), [count, length], device: device);
            var isolated = Pool(ActivationCapture.Output(model, module, alone), pooling);                         // [count, width]
            var contextual = Pool(inContext.unfold(0, length, 1).narrow(0, 1, count).transpose(1, 2), pooling); // [count, width]
            var distances = nn.functional.cosine_similarity(contextual, isolated, 1).neg().add(1).to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            for (var s = 0; s < count; s++) chart[s + 1, s + length] = distances[s];
        }
        return chart;
    }

    // [spans, length, width] → [spans, width].
    static Tensor Pool(Tensor states, SpanPooling pooling) => pooling switch
    {
        SpanPooling.Mean => states.mean([1]),
        SpanPooling.LastToken => states.select(1, -1),
        _ => throw new ArgumentOutOfRangeException(nameof(pooling), pooling, "Unknown span pooling."),
    };
}
