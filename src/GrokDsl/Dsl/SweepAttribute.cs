namespace GrokDsl;

/// <summary>
/// Makes a property a grid axis of the experiment's sweep. Axes combine as a Cartesian product in
/// declaration order (the first axis varies slowest), so the expansion order is deterministic.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SweepAttribute(params object[] values) : Attribute
{
    /// <summary>The values the property takes, in order.</summary>
    public IReadOnlyList<object> Values { get; } = values;
}
