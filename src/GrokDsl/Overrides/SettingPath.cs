using System.Reflection;

namespace GrokDsl.Overrides;

/// <summary>
/// A dotted path to a setting of an experiment, such as <c>Optimizer.WeightDecay</c>, resolved against
/// the experiment's type. Every step but the last must be a record: setting a nested value copies each
/// record on the way down (as <c>with</c> does), so the original experiment never changes.
/// </summary>
public sealed class SettingPath
{
    readonly IReadOnlyList<PropertyInfo> _steps;

    SettingPath(string text, IReadOnlyList<PropertyInfo> steps) => (Text, _steps) = (text, steps);

    /// <summary>The path as canonically spelled (property names with their declared case).</summary>
    public string Text { get; }

    public PropertyInfo Target => _steps[^1];

    /// <summary>Resolves <paramref name="path"/>; names match ignoring case when exactly one property does.</summary>
    public static SettingPath Resolve(Type experimentType, string path)
    {
        var steps = new List<PropertyInfo>();
        var type = experimentType;
        var names = path.Split('.');
        for (var i = 0; i < names.Length; i++)
        {
            var property = Find(type, names[i])
                ?? throw new OverrideException($"'{path}': {type.Name} has no setting '{names[i]}'; it has {string.Join(", ", Settable(type).Select(p => p.Name))}");
            if (property.SetMethod is not { IsPublic: true })
                throw new OverrideException($"'{path}': {type.Name}.{property.Name} cannot be assigned");
            if (i < names.Length - 1 && CloneMethod(property.PropertyType) is null)
                throw new OverrideException($"'{path}': {type.Name}.{property.Name} is not a record, so '{names[i + 1]}' cannot be set inside it");
            steps.Add(property);
            type = property.PropertyType;
        }
        return new SettingPath(string.Join(".", steps.Select(s => s.Name)), steps);
    }

    /// <summary>The setting's value in <paramref name="root"/>.</summary>
    public object? Get(object root)
    {
        object? value = root;
        foreach (var step in _steps) value = value is null ? null : step.GetValue(value);
        return value;
    }

    /// <summary>A copy of <paramref name="root"/> with the setting at this path replaced by <paramref name="value"/>.</summary>
    public T With<T>(T root, object? value) where T : notnull => (T)With(root, 0, value);

    object With(object owner, int step, object? value)
    {
        var property = _steps[step];
        var copy = CloneMethod(owner.GetType())!.Invoke(owner, null)!;
        var newValue = step == _steps.Count - 1
            ? value
            : With(property.GetValue(owner) ?? throw new OverrideException($"'{Text}': {property.Name} is null"), step + 1, value);
        property.SetValue(copy, newValue);
        return copy;
    }

    static PropertyInfo? Find(Type type, string name)
    {
        var settable = Settable(type).ToList();
        var exact = settable.Where(p => p.Name == name).ToList();
        if (exact.Count == 1) return exact[0];
        var loose = settable.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return loose.Count == 1 ? loose[0] : null;
    }

    static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    // Records copy themselves through this compiler-generated method; `with` calls it too.
    static MethodInfo? CloneMethod(Type type) => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
}
