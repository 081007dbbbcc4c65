namespace GrokDsl.Validation;

/// <summary>
/// The one rule for experiment, component and plugin ids. Ids name folders of the run store
/// (<c>runs/&lt;experiment-id&gt;/</c>), keys of summaries and words of command lines, so they keep to a
/// character set every file system and shell takes as it is: ASCII letters, digits, '-', '_' and '.',
/// starting with a letter or digit, without "..", not ending in '.', at most <see cref="MaxLength"/> characters.
/// </summary>
/// <remarks>
/// Compiled into GrokDsl (public: the plugin host and the commands use it) and into the generator and analyzers (internal), so a
/// bad id is reported at compile time by the same code that refuses it at run time.
/// </remarks>
#if GROKDSL_ROSLYN
internal
#else
public
#endif
static class IdRules
{
    public const int MaxLength = 64;

    /// <summary>The character set, as error messages and docs state it.</summary>
    public const string Allowed = "ASCII letters, digits, '-', '_' and '.', starting with a letter or digit";

    /// <summary>Why <paramref name="id"/> is not a valid id ("contains a path separator '/'"), or null when it is.</summary>
    public static string? Problem(string? id)
    {
        if (id is null || id.Length == 0) return "is empty";
        if (id.Length > MaxLength) return $"has {id.Length} characters, more than the {MaxLength} an id may have";
        foreach (var c in id)
        {
            if (c == '/' || c == '\\') return $"contains a path separator '{c}'";
            if (!IsLetterOrDigit(c) && c != '-' && c != '_' && c != '.') return $"contains {Describe(c)}; ids may contain only {Allowed}";
        }
        if (!IsLetterOrDigit(id[0])) return $"starts with '{id[0]}'; ids start with a letter or digit";
        if (id.Contains("..")) return "contains '..'";
        if (id[id.Length - 1] == '.') return "ends with '.'";
        return null;
    }

    public static bool IsValid(string? id) => Problem(id) is null;

    static bool IsLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    static string Describe(char c) => c switch
    {
        ' ' => "a space",
        _ when c < ' ' || c == '\u007f' => $"the control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };
}
