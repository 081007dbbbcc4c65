using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>
/// The default experiment written as a researcher would by hand: one TorchSharp loop, no plugins, no
/// files. Same data, model, optimizer and evaluation cadence as GrokDsl's run of it, so the difference
/// in time is GrokDsl's overhead.
/// </summary>
static class BareTorchSharpLoop
{
    public static (double Seconds, double FinalTestAccuracy) Run(int p, double trainFraction, int embedding, int hidden, int steps, int evaluateEvery, int seed)
    {
        var pairs = new long[p * p * 2];
        var labels = new long[p * p];
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++)
            {
                pairs[2 * (a * p + b)] = a;
                pairs[2 * (a * p + b) + 1] = b;
                labels[a * p + b] = (a + b) % p;
            }
        using var generator = new Generator((ulong)seed);
        using var order = randperm(p * p, generator: generator);
        var trainCount = (int)(trainFraction * p * p);
        using var all = tensor(pairs, [p * p, 2]);
        using var targets = tensor(labels);
        using var trainX = all.index_select(0, order[..trainCount]);
        using var trainY = targets.index_select(0, order[..trainCount]);
        using var testX = all.index_select(0, order[trainCount..]);
        using var testY = targets.index_select(0, order[trainCount..]);

        manual_seed(seed);
        using var embed = nn.Embedding(p, embedding);
        using var layer1 = nn.Linear(2 * embedding, hidden);
        using var layer2 = nn.Linear(hidden, p);
        Tensor Forward(Tensor x) => layer2.forward(nn.functional.relu(layer1.forward(embed.forward(x).flatten(1))));
        var parameters = embed.parameters().Concat(layer1.parameters()).Concat(layer2.parameters());
        using var optimizer = optim.AdamW(parameters, 1e-3, 0.9, 0.98, 1e-8, weight_decay: 1.0);

        var testAccuracy = 0.0;
        var clock = Stopwatch.StartNew();
        for (var step = 0; step <= steps; step++)
        {
            using var scope = NewDisposeScope();
            if (step % evaluateEvery == 0)
            {
                using var _ = no_grad();
                var testLogits = Forward(testX);
                nn.functional.cross_entropy(testLogits, testY).item<float>();
                testAccuracy = (double)testLogits.argmax(1).eq(testY).sum().item<long>() / testY.shape[0];
            }
            optimizer.zero_grad();
            var logits = Forward(trainX);
            var loss = nn.functional.cross_entropy(logits, trainY);
            if (step % evaluateEvery == 0)
            {
                loss.item<float>();
                logits.argmax(1).eq(trainY).sum().item<long>();
            }
            if (step == steps) break;
            loss.backward();
            optimizer.step();
        }
        return (clock.Elapsed.TotalSeconds, testAccuracy);
    }
}
