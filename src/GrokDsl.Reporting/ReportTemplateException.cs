namespace GrokDsl.Reporting;

/// <summary>
/// A report template that cannot be read, does not parse, or fails while rendering. The message starts with
/// <c>file:line:column</c> (1-based) so that editors and terminals can jump to the spot, or with <c>file:</c>
/// alone when the file could not be read.
/// </summary>
public sealed class ReportTemplateException : Exception
{
    /// <summary>Creates the exception for one template location.</summary>
    public ReportTemplateException(string templatePath, int line, int column, string problem, Exception? inner = null)
        : base($"{templatePath}:{line}:{column}: {problem}", inner)
    {
        TemplatePath = templatePath;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the exception for a template file that could not be read at all (no position).</summary>
    public ReportTemplateException(string templatePath, string problem, Exception? inner = null)
        : base($"{templatePath}: {problem}", inner)
    {
        TemplatePath = templatePath;
        Problem = problem;
    }

    /// <summary>The template file (or, for the built-in template, its resource name).</summary>
    public string TemplatePath { get; }

    /// <summary>The 1-based line of the (first) error; 0 when the file could not be read.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the (first) error; 0 when the file could not be read.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location; for parse errors, every error found, one a line.</summary>
    public string Problem { get; }
}
