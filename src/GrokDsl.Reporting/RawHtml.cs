namespace GrokDsl.Reporting;

/// <summary>
/// Markup the report writer made itself and vouches for (plotly.js, figure JSON). Templates write every other
/// value HTML-escaped; only a <see cref="RawHtml"/> value is written as is.
/// </summary>
/// <param name="Html">The markup, written verbatim.</param>
public sealed record RawHtml(string Html)
{
    /// <summary>The markup (so that string conversions outside a template do not hide it).</summary>
    public override string ToString() => Html;
}
