namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// The symmetric group S_n with its elements numbered in lexicographic order of their one-line
/// notation (the order of Python's itertools.permutations, which Power et al.'s code enumerates).
/// A permutation is an array π with π[i] the image of i.
/// </summary>
public sealed class Permutations
{
    readonly int[][] _elements;
    readonly Dictionary<long, int> _indexOf = [];

    public Permutations(int degree)
    {
        if (degree is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(degree), degree, "S_n is supported for 1 ≤ n ≤ 8.");
        Degree = degree;
        var elements = new List<int[]>();
        var current = Enumerable.Range(0, degree).ToArray();
        do elements.Add((int[])current.Clone());
        while (NextPermutation(current));
        _elements = [.. elements];
        for (var i = 0; i < _elements.Length; i++) _indexOf[Key(_elements[i])] = i;
    }

    public int Degree { get; }

    /// <summary>n!, the number of elements.</summary>
    public int Count => _elements.Length;

    public IReadOnlyList<int> this[int index] => _elements[index];

    public int IndexOf(IReadOnlyList<int> permutation) =>
        _indexOf.TryGetValue(Key(permutation), out var index)
            ? index
            : throw new ArgumentException($"[{string.Join(", ", permutation)}] is not a permutation of 0..{Degree - 1}.");

    /// <summary>x·y in the left-to-right convention of Power et al.'s code (sympy): apply x, then y.</summary>
    public static int[] Product(IReadOnlyList<int> x, IReadOnlyList<int> y)
    {
        var result = new int[x.Count];
        for (var i = 0; i < result.Length; i++) result[i] = y[x[i]];
        return result;
    }

    public static int[] Inverse(IReadOnlyList<int> x)
    {
        var result = new int[x.Count];
        for (var i = 0; i < result.Length; i++) result[x[i]] = i;
        return result;
    }

    static long Key(IReadOnlyList<int> permutation)
    {
        long key = 0;
        foreach (var image in permutation) key = key * 16 + image;
        return key;
    }

    // Narayana's algorithm: the lexicographic successor in place; false after the last permutation.
    static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) i--;
        if (i < 0) return false;
        var j = a.Length - 1;
        while (a[j] <= a[i]) j--;
        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }
}
