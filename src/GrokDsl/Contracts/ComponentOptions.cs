using System.Text.Json;

namespace GrokDsl.Contracts;

/// <summary>
/// A component's options as they cross the plugin boundary: canonical JSON that the plugin binds to
/// its own options type. Binding rejects unknown keys, so a setting that would have no effect is an
/// error instead of being silently ignored.
/// </summary>
public sealed record ComponentOptions(string Json)
{
    static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ComponentOptions Empty { get; } = new("{}");

    public static ComponentOptions From<T>(T options) => new(JsonSerializer.Serialize(options, Strict));

    /// <summary>Options of a record whose type is known only at run time.</summary>
    public static ComponentOptions FromObject(object options) => new(JsonSerializer.Serialize(options, options.GetType(), Strict));

    public T Bind<T>() where T : new()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Json, Strict) ?? new T();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Options for {typeof(T).Name} do not bind: {e.Message}", e);
        }
    }
}

/// <summary>A reference to a plugin component by kind and id, with its options.</summary>
public sealed record ComponentRef(ComponentKind Kind, string Id, ComponentOptions Options)
{
    /// <summary>References to progress measures by id, with their default options.</summary>
    public static IReadOnlyList<ComponentRef> Measures(IEnumerable<string> ids) =>
        [.. ids.Select(id => new ComponentRef(ComponentKind.Measure, id, ComponentOptions.Empty))];

    /// <summary>
    /// References to progress measures given as ids or as options records marked
    /// <c>[Component(ComponentKind.Measure, "id")]</c> (e.g. <c>new Fourier { ... }</c>), which carry their options.
    /// </summary>
    public static IReadOnlyList<ComponentRef> Measures(IEnumerable<object> measures) =>
        [.. measures.Select(measure => measure switch
        {
            string id => new ComponentRef(ComponentKind.Measure, id, ComponentOptions.Empty),
            _ when measure.GetType().GetCustomAttributes(typeof(ComponentAttribute), false) is [ComponentAttribute { Kind: ComponentKind.Measure } component]
                => new ComponentRef(ComponentKind.Measure, component.Id, ComponentOptions.FromObject(measure)),
            _ => throw new ArgumentException($"{measure.GetType().Name} is not a measure: give an id or an options record marked [Component(ComponentKind.Measure, \"id\")]."),
        })];

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} '{Id}'";
}
