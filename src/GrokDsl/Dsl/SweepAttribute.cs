namespace GrokDsl;

/// <summary>
/// Makes a property an axis of the experiment's sweep. Axes combine as a Cartesian product in
/// declaration order (the first axis varies slowest), so the expansion order is deterministic.
/// Axes that share a <see cref="Zip"/> group vary together instead: their i-th values form one run.
/// </summary>
/// <remarks>The generator reads these attributes at compile time; the values are written into the generated code.</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public abstract class SweepAxisAttribute : Attribute
{
    /// <summary>
    /// Pairs this axis with the other axes of the same group, which must list as many values. The
    /// group takes the place of its first axis in the product.
    /// </summary>
    public string? Zip { get; set; }
}

/// <summary>The values the property takes, in order: <c>[Sweep(0.1, 0.3, 1.0)]</c>.</summary>
public sealed class SweepAttribute(params object[] values) : SweepAxisAttribute
{
    public IReadOnlyList<object> Values { get; } = values;
}

/// <summary>
/// Evenly spaced values from <c>from</c> to <c>to</c>, both included when <c>to</c> is on the grid:
/// <c>[SweepRange(0, 9)]</c> is the seeds 0 to 9, <c>[SweepRange(0.1, 0.5, 0.1)]</c> five fractions.
/// </summary>
public sealed class SweepRangeAttribute : SweepAxisAttribute
{
    public SweepRangeAttribute(int from, int to, int step = 1) => (From, To, Step) = (from, to, step);

    public SweepRangeAttribute(double from, double to, double step) => (From, To, Step) = (from, to, step);

    public double From { get; }
    public double To { get; }
    public double Step { get; }
}

/// <summary>
/// <c>count</c> values spaced evenly on a log scale from <c>from</c> to <c>to</c>, both included:
/// <c>[SweepLogRange(1e-4, 1e-1, 4)]</c> is 1e-4, 1e-3, 1e-2, 1e-1. Both ends must be positive.
/// </summary>
public sealed class SweepLogRangeAttribute(double from, double to, int count) : SweepAxisAttribute
{
    public double From { get; } = from;
    public double To { get; } = to;
    public int Count { get; } = count;
}

/// <summary>
/// Marks a parameterless <c>bool</c> instance method of an experiment that leaves runs out of its
/// sweep: every combination for which it returns true is skipped, e.g.
/// <c>[SweepExclusion] bool RedundantControl() =&gt; WeightDecay == 0 &amp;&amp; Seed &gt; 0;</c>
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SweepExclusionAttribute : Attribute;
