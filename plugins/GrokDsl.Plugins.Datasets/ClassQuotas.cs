namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// How many examples of each class a subset of a given size takes when class c's share is proportional
/// to ratio^(−c/(C−1)): ratio 1 is balanced, ratio ρ makes the first class ρ times as frequent as the
/// last. Shares are rounded by the largest-remainder method, so the quotas add up to the subset size.
/// </summary>
public static class ClassQuotas
{
    public static int[] Of(int total, int classes, double imbalanceRatio)
    {
        if (classes < 1) throw new ArgumentException("Quotas need at least one class.");
        if (!(imbalanceRatio >= 1) || double.IsInfinity(imbalanceRatio))
            throw new ArgumentException($"ImbalanceRatio must be a finite number ≥ 1, not {imbalanceRatio}.");
        var weights = Enumerable.Range(0, classes)
            .Select(c => classes == 1 ? 1 : Math.Pow(imbalanceRatio, -(double)c / (classes - 1))).ToArray();
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        // Round away floating-point dust first so that 100.0000000001 is 100 with remainder 0, not 100 with remainder 1e-10.
        var quotas = exact.Select(e => (int)Math.Floor(Math.Round(e, 9))).ToArray();
        var left = total - quotas.Sum();
        foreach (var c in Enumerable.Range(0, classes).OrderByDescending(c => Math.Round(exact[c] - quotas[c], 9)).ThenBy(c => c).Take(left))
            quotas[c]++;
        return quotas;
    }
}
