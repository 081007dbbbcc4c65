using Scriban;
using Scriban.Parsing;

namespace GrokDsl.Reporting;

/// <summary>
/// Scriban writes <c>{{ value }}</c> raw (its maintainers decline auto-escaping), and report values are user
/// strings: experiment ids, citations, configuration, plugin names. Every value a template writes therefore goes
/// through <see cref="Html.Escape"/>, except <see cref="RawHtml"/> that the writer built itself. Literal template
/// text does not pass through here and is written as authored.
/// </summary>
sealed class HtmlEscapingTemplateContext : TemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                Write(raw.Html);
                return this;
            default:
                Write(Html.Escape(ObjectToString(textAsObject) ?? ""));
                return this;
        }
    }

    // Reports render synchronously; the async path must not become an unescaped side door all the same.
    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));
}
