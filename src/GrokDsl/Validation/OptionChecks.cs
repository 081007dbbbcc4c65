using System.Globalization;
using System.Reflection;

namespace GrokDsl.Validation;

/// <summary>
/// Checks resolved option values against what their records declare ([Range], [DivisibleBy], <see cref="ICrossCheckedOptions"/>), the
/// same rules the analyzers apply to constants. Generated <c>Validate()</c> methods call it once per
/// experiment property, so values that come from code, presets or the command line are checked too.
/// </summary>
public static class OptionChecks
{
    /// <summary>Adds a problem per broken rule in <paramref name="value"/> and, for records, in their options, recursively.</summary>
    public static void Check<T>(string name, T value, ICollection<string> problems) => Check(name, value, null, problems);

    static void Check(string name, object? value, PropertyInfo? declaredBy, ICollection<string> problems)
    {
        if (value is null) return;
        if (declaredBy?.GetCustomAttribute<RangeAttribute>() is { } range && IsNumber(value)
            && Convert.ToDouble(value, CultureInfo.InvariantCulture) is var number && !range.Contains(number))
            problems.Add($"{name} is {number.ToString(CultureInfo.InvariantCulture)} but must be {range.Describe()}");

        if (value is ICrossCheckedOptions crossChecked)
            foreach (var problem in crossChecked.Problems(name)) problems.Add(problem);

        if (!IsRecord(value.GetType())) return;
        var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToList();
        foreach (var property in properties)
        {
            var propertyValue = property.GetValue(value);
            Check($"{name}.{property.Name}", propertyValue, property, problems);
            if (property.GetCustomAttribute<DivisibleByAttribute>() is { } divisible
                && properties.FirstOrDefault(p => p.Name == divisible.DivisorProperty)?.GetValue(value) is { } divisor
                && IsNumber(propertyValue!) && IsNumber(divisor)
                && Convert.ToInt64(divisor, CultureInfo.InvariantCulture) is var d && d != 0
                && Convert.ToInt64(propertyValue, CultureInfo.InvariantCulture) % d != 0)
                problems.Add($"{name}.{property.Name} is {propertyValue} but must be a multiple of {name}.{divisible.DivisorProperty} ({divisor})");
        }
    }

    static bool IsNumber(object value) => value is int or long or double or float or decimal or short or byte or uint or ulong or ushort or sbyte;

    // Option records are what the DSL nests; other types (strings, lists) have no declared rules.
    static bool IsRecord(Type type) => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null;
}
