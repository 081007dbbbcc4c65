namespace GrokDsl;

/// <summary>What a plugin component provides.</summary>
public enum ComponentKind
{
    Dataset,
    Model,
    Measure,
}

/// <summary>
/// Declares that an options record configures the plugin component <paramref name="id"/>. An
/// experiment property of such a type becomes a component reference in the run specification;
/// the options cross the plugin boundary as JSON, never as this type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ComponentAttribute(ComponentKind kind, string id) : Attribute
{
    public ComponentKind Kind { get; } = kind;
    public string Id { get; } = id;
}
