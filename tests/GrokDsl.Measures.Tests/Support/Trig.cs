namespace GrokDsl.Measures.Tests.Support;

/// <summary>Hand-side trigonometry for building and checking cases.</summary>
static class Trig
{
    public static double Cos(int k, long x, int p) => Math.Cos(2 * Math.PI * k * x / p);

    public static double Sin(int k, long x, int p) => Math.Sin(2 * Math.PI * k * x / p);

    /// <summary>−log softmax of the target when every class c's logit is f(target − c mod p).</summary>
    public static double CircularLoss(int p, Func<int, double> logitOfOffset)
    {
        var logits = Enumerable.Range(0, p).Select(logitOfOffset).ToArray();
        var max = logits.Max();
        return -(logits[0] - max - Math.Log(logits.Sum(z => Math.Exp(z - max))));
    }
}
