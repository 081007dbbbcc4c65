using System.Text;

namespace GrokDsl.Reporting;

/// <summary>HTML escaping for text and quoted attribute values.</summary>
static class Html
{
    /// <summary>
    /// Escapes the five characters that matter in text and quoted attributes and nothing else, so non-ASCII
    /// text (names, citations, "·", "—") stays readable in the page source, unlike WebUtility.HtmlEncode's output.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return escaped.ToString();
    }
}
