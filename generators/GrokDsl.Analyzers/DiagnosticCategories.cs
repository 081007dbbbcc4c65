namespace GrokDsl.Analyzers;

/// <summary>Categories group rules for .editorconfig bulk configuration (dotnet_analyzer_diagnostic.category-…).</summary>
internal static class DiagnosticCategories
{
    public const string Experiment = "GrokDsl.Experiment";
    public const string Sweep = "GrokDsl.Sweep";
    public const string Options = "GrokDsl.Options";
}
