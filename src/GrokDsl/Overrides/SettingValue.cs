using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace GrokDsl.Overrides;

/// <summary>
/// Turns command-line text into a value of a setting's declared type and checks it against the
/// setting's <see cref="RangeAttribute"/>, as the analyzers check a constant in an experiment file.
/// </summary>
public static class SettingValue
{
    static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The typed value; strings are taken as written, everything else as JSON (numbers, true/false, lists, records).</summary>
    public static object? Parse(SettingPath path, string text)
    {
        var type = path.Target.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        object? value;
        if (text == "null" && (!type.IsValueType || underlying != type)) value = null;
        else if (underlying == typeof(string)) value = text;
        else if (underlying.IsEnum) value = ParseEnum(path, underlying, text);
        else value = ParseJson(path, type, text);

        CheckRange(path, value);
        return value;
    }

    /// <summary>The text <see cref="Parse"/> reads back as <paramref name="value"/>: a command line's --set value.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        Enum member => member.ToString(),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    static object ParseEnum(SettingPath path, Type type, string text) =>
        Enum.GetNames(type).FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse(type, name)
            : throw new OverrideException($"'{path.Text}': '{text}' is not one of {string.Join(", ", Enum.GetNames(type))}");

    static object? ParseJson(SettingPath path, Type type, string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type, Json);
        }
        catch (JsonException)
        {
            throw new OverrideException($"'{path.Text}': '{text}' is not a valid {Describe(type)}");
        }
    }

    static void CheckRange(SettingPath path, object? value)
    {
        if (path.Target.GetCustomAttribute<RangeAttribute>() is not { } range || value is null) return;
        var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!range.Contains(number))
            throw new OverrideException($"'{path.Text}' is {number.ToString(CultureInfo.InvariantCulture)} but must be {range.Describe()}");
    }

    static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(bool) => "bool (true or false)",
        _ => $"{type.Name} (written as JSON)",
    };
}
