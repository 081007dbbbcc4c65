namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// Which base classes (p-bit codes) make up each class of a subclass-shift dataset ("Grokking
/// Explained", arXiv:2502.01774, appendix A). Codes[c][s] is subclass s of class c.
/// </summary>
public static class SubclassCodes
{
    /// <summary>The equivariant super-class seeds of appendix A.2: pairwise Hamming distance 6 among 9-bit codes.</summary>
    public static readonly int[] EquivariantSeeds = [63, 240, 323, 396];

    /// <summary>
    /// Appendix A.1: a largest clique of codes at pairwise Hamming distance 2. For p ≥ 4 such a clique has
    /// p codes (shifted so one member is 0, the others are weight-2 codes sharing one bit); the one-hot codes
    /// 2^0, …, 2^(p−1) are one, and class c takes the consecutive codes 2^(c·m), …, 2^(c·m + m − 1).
    /// </summary>
    public static int[][] Equidistant(int bitPairs, int classes, int subclassesPerClass)
    {
        if (classes * subclassesPerClass > bitPairs)
            throw new ArgumentException(
                $"The equidistant dataset has at most BitPairs = {bitPairs} subclasses (a clique at distance 2); "
                + $"{classes} classes × {subclassesPerClass} subclasses do not fit.");
        return [.. Enumerable.Range(0, classes).Select(c =>
            Enumerable.Range(0, subclassesPerClass).Select(s => 1 << (c * subclassesPerClass + s)).ToArray())];
    }

    /// <summary>
    /// Appendix A.2: class c is seed c and the codes at distance 1 from it, in that order (seed, then
    /// bit 0 flipped, bit 1 flipped, …), so subclasses of one class lie within distance 2 and subclasses
    /// of different classes at distance at least 4.
    /// </summary>
    public static int[][] Equivariant(int bitPairs, int classes, int subclassesPerClass)
    {
        if (bitPairs < 9) throw new ArgumentException($"The equivariant dataset's seeds are 9-bit codes; BitPairs must be at least 9, not {bitPairs}.");
        if (classes > EquivariantSeeds.Length)
            throw new ArgumentException($"The equivariant dataset has {EquivariantSeeds.Length} seeds, so at most {EquivariantSeeds.Length} classes, not {classes}.");
        if (subclassesPerClass > bitPairs + 1)
            throw new ArgumentException($"An equivariant class has at most BitPairs + 1 = {bitPairs + 1} subclasses, not {subclassesPerClass}.");
        return [.. EquivariantSeeds.Take(classes).Select(seed =>
            new[] { seed }.Concat(Enumerable.Range(0, bitPairs).Select(bit => seed ^ (1 << bit))).Take(subclassesPerClass).ToArray())];
    }

    public static int HammingDistance(int a, int b) => System.Numerics.BitOperations.PopCount((uint)(a ^ b));
}
