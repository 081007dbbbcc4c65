using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace GrokDsl.Reporting;

/// <summary>A parsed report template (a built-in one or a user's file) and the one way it is rendered.</summary>
sealed class ReportTemplate
{
    const string ResourcePrefix = "GrokDsl.Reporting.Templates.";

    // User templates: they iterate only over short lists (figures, table rows, plugins, notes), never over
    // metric points, which travel as JSON. The budget is shared by nested loops and Scriban's internal array work.
    const int UserLoopLimit = 10_000;

    // Built-in templates are trusted, and a sweep's table (runs × columns) grows with the sweep: no loop budget.
    const int BuiltInLoopLimit = 0;
    const int RecursiveLimit = 32;

    static readonly Lazy<ReportTemplate> RunTemplate = new(() => BuiltIn("run-report.sbn-html"));
    static readonly Lazy<ReportTemplate> SweepTemplate = new(() => BuiltIn("sweep-report.sbn-html"));
    static readonly Lazy<ReportTemplate> CompareTemplate = new(() => BuiltIn("compare-report.sbn-html"));

    readonly Template _template;
    readonly string _path;
    readonly int _loopLimit;

    ReportTemplate(Template template, string path, int loopLimit)
    {
        _template = template;
        _path = path;
        _loopLimit = loopLimit;
    }

    /// <summary>The built-in run report (model: <see cref="ReportPage"/>).</summary>
    public static ReportTemplate Run => RunTemplate.Value;

    /// <summary>The built-in sweep report (model: <see cref="SweepPage"/>).</summary>
    public static ReportTemplate Sweep => SweepTemplate.Value;

    /// <summary>The built-in comparison (model: <see cref="ComparePage"/>).</summary>
    public static ReportTemplate Compare => CompareTemplate.Value;

    public static ReportTemplate FromFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // One exception type for every template problem, so callers (the CLI) report them all alike.
            throw new ReportTemplateException(fullPath, $"cannot read the template: {e.Message}", e);
        }
        return Parse(text, fullPath, UserLoopLimit);
    }

    /// <summary>Renders a page model: its public properties become template globals under their C# names.</summary>
    public string Render(object page)
    {
        var globals = new ScriptObject();
        globals.Import(page, renamer: KeepName);
        var context = new HtmlEscapingTemplateContext
        {
            StrictVariables = true,
            // A misspelt member is an error too, not an empty string.
            EnableRelaxedMemberAccess = false,
            LoopLimit = _loopLimit,
            RecursiveLimit = RecursiveLimit,
            // The default (1 MiB) would cut the page short: plotly.js alone is about 3.6 MB.
            LimitToString = 0,
            MemberRenamer = KeepName,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        try
        {
            return _template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw At(e.Span, e.OriginalMessage, e);
        }
    }

    static ReportTemplate Parse(string text, string path, int loopLimit)
    {
        var template = Template.Parse(text, path);
        if (!template.HasErrors) return new ReportTemplate(template, path, loopLimit);

        var errors = template.Messages.Where(message => message.Type == ParserMessageType.Error).ToList();
        var rest = errors.Skip(1).Select(error => Environment.NewLine + Location(error.Span, path) + ": " + error.Message);
        throw At(errors[0].Span, errors[0].Message + string.Concat(rest), inner: null, path);
    }

    ReportTemplateException At(SourceSpan span, string problem, Exception inner) => At(span, problem, inner, _path);

    static ReportTemplateException At(SourceSpan span, string problem, Exception? inner, string path) =>
        // Scriban positions are 0-based; editors count from 1.
        new(FileOf(span, path), span.Start.Line + 1, span.Start.Column + 1, problem, inner);

    static string Location(SourceSpan span, string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{FileOf(span, path)}:{span.Start.Line + 1}:{span.Start.Column + 1}");

    static string FileOf(SourceSpan span, string path) => string.IsNullOrEmpty(span.FileName) ? path : span.FileName;

    static string KeepName(System.Reflection.MemberInfo member) => member.Name;

    static ReportTemplate BuiltIn(string fileName) => Parse(ReadResource(fileName), ResourcePrefix + fileName, BuiltInLoopLimit);

    /// <summary>A file under Templates/, embedded in this assembly.</summary>
    public static string ReadResource(string fileName)
    {
        var name = ResourcePrefix + fileName;
        using var stream = typeof(ReportTemplate).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
