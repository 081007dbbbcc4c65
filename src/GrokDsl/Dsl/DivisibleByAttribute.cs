namespace GrokDsl;

/// <summary>
/// Declares that an integer option must be a multiple of another option of the same record, such as
/// a transformer's width and its number of heads. GrokDsl.Analyzers reports constants that break it
/// (GROK0012) and the generated <c>Validate()</c> checks the resolved values of every run.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class DivisibleByAttribute(string divisorProperty) : Attribute
{
    /// <summary>The name of the property that must divide this one (use <c>nameof</c>).</summary>
    public string DivisorProperty { get; } = divisorProperty;
}
