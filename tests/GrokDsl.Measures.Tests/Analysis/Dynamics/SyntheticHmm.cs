using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

/// <summary>Draws sequences from a known Gaussian HMM (seeded), for recovery tests.</summary>
static class SyntheticHmm
{
    public static List<IReadOnlyList<double[]>> Sample(GaussianHmm model, int sequences, int length, int seed)
    {
        var random = new Random(seed);
        var result = new List<IReadOnlyList<double[]>>();
        for (var s = 0; s < sequences; s++)
        {
            var rows = new List<double[]>();
            var state = Draw(model.Start, random);
            for (var t = 0; t < length; t++)
            {
                rows.Add([.. model.Means[state].Select((m, d) => m + Math.Sqrt(model.Variances[state][d]) * Normal(random))]);
                state = Draw(model.Transition[state], random);
            }
            result.Add(rows);
        }
        return result;
    }

    static int Draw(double[] probabilities, Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < probabilities.Length - 1; i++)
            if ((u -= probabilities[i]) < 0) return i;
        return probabilities.Length - 1;
    }

    // Box–Muller.
    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
