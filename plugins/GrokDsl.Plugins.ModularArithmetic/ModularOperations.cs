namespace GrokDsl.Plugins.ModularArithmetic;

/// <summary>
/// The binary operations of Power et al. 2022 (arXiv:2201.02177, appendix A.1.1) and of their code
/// (openai/grok grok/data.py: the "**2+", "**3+", "+*" and "+-" operators). Division is defined through
/// multiplication, as in the paper's code: a/b = a·b⁻¹, so pairs whose divisor is not invertible (b = 0)
/// do not exist.
/// </summary>
public static class ModularOperations
{
    // Computed in long: with p < 2^31, a³ + a·b² + b still fits after reducing each product mod p.
    static readonly Dictionary<string, Func<long, long, long, long?>> Operations = new()
    {
        ["a+b"] = static (a, b, p) => a + b,
        ["a-b"] = static (a, b, p) => a - b,
        ["a*b"] = static (a, b, p) => a * b % p,
        ["a/b"] = static (a, b, p) => Divide(a, b, p),
        // Power et al.'s "mix1": x/y if y is odd, else x − y. Odd b is never 0, so every pair exists.
        ["a/b if b odd else a-b"] = static (a, b, p) => b % 2 == 1 ? Divide(a, b, p) : a - b,
        ["a^2+b^2"] = static (a, b, p) => a * a % p + b * b % p,
        ["a^2+ab+b^2"] = static (a, b, p) => a * a % p + a * b % p + b * b % p,
        ["a^2+ab+b^2+a"] = static (a, b, p) => a * a % p + a * b % p + b * b % p + a,
        ["a^3+ab"] = static (a, b, p) => a * a % p * a % p + a * b % p,
        ["a^3+ab^2+b"] = static (a, b, p) => a * a % p * a % p + a * (b * b % p) % p + b,
        ["a^2+b"] = static (a, b, p) => a * a % p + b,
        ["a^3+b"] = static (a, b, p) => a * a % p * a % p + b,
        ["a+b if a even else a*b"] = static (a, b, p) => a % 2 == 0 ? a + b : a * b % p,
        ["a+b if a even else a-b"] = static (a, b, p) => a % 2 == 0 ? a + b : a - b,
    };

    static readonly HashSet<string> Dividing = ["a/b", "a/b if b odd else a-b"];

    /// <summary>Every operation, as written in the options.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Operations.Keys];

    /// <summary>The result of <paramref name="operation"/> on (a, b) mod p, in [0, p), or null where it is undefined.</summary>
    public static Func<int, int, int, int?> Get(string operation)
    {
        if (!Operations.TryGetValue(Canonical(operation), out var compute))
            throw new ArgumentException(
                $"Unknown operation '{operation}'; known: {string.Join(", ", Names)}.");
        return (a, b, p) => compute(a, b, p) is { } value ? (int)(((value % p) + p) % p) : null;
    }

    /// <summary>Whether the operation divides, and so needs a prime modulus for every nonzero divisor to be invertible.</summary>
    public static bool NeedsPrime(string operation) => Dividing.Contains(Canonical(operation));

    public static bool IsPrime(int n)
    {
        if (n < 2) return false;
        for (var d = 2; (long)d * d <= n; d++)
            if (n % d == 0) return false;
        return true;
    }

    // Spaces carry no meaning: "a + b if a even else a*b" and "a+b if a even else a*b" are one operation.
    static string Canonical(string operation)
    {
        var squeezed = operation.Replace(" ", "");
        return Operations.Keys.FirstOrDefault(k => k.Replace(" ", "") == squeezed) ?? operation;
    }

    static long? Divide(long a, long b, long p) => b % p == 0 ? null : a * Inverse(b, p) % p;

    // b^(p-2) mod p: the inverse of b for prime p (Fermat).
    static long Inverse(long b, long p)
    {
        long result = 1, power = b % p;
        for (var e = p - 2; e > 0; e >>= 1, power = power * power % p)
            if ((e & 1) == 1) result = result * power % p;
        return result;
    }
}
