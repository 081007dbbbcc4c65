using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GrokDsl.Analyzers.Tests;

/// <summary>
/// Runs one analyzer over a source written with <c>[|markup|]</c> around every span it must report, and
/// asserts that exactly those spans are reported, with the analyzer's id. A source without markup
/// asserts that nothing is reported. The source itself must compile, so no test leans on a compiler error.
/// </summary>
internal static class AnalyzerTest
{
    /// <summary>The three properties every valid experiment needs.</summary>
    public const string Components = """
            public ModularArithmetic Data { get; init; } = new();
            public Mlp Model { get; init; } = new();
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
        """;

    // The SDK's implicit usings plus GrokDsl, so that snippets stay short.
    const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using GrokDsl;
        """;

    static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    /// <param name="buildProperties">MSBuild properties the analyzers see, as <c>build_property.Name</c> keys.</param>
    /// <param name="alsoFiles">More source files by path, e.g. what a generator would add (<c>X.g.cs</c>); never reported in.</param>
    public static async Task VerifyAsync<TAnalyzer>(string markup, IReadOnlyDictionary<string, string>? buildProperties = null,
        IReadOnlyDictionary<string, string>? alsoFiles = null) where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var (source, expected) = ParseMarkup(markup);
        var analyzer = new TAnalyzer();
        var diagnostics = await RunAsync(analyzer, source, buildProperties, alsoFiles);

        var id = Assert.Single(analyzer.SupportedDiagnostics).Id;
        var actual = diagnostics.Select(d => Describe(d.Id, d.Location.SourceSpan, source)).OrderBy(static d => d, StringComparer.Ordinal);
        Assert.Equal(expected.Select(span => Describe(id, span, source)).OrderBy(static d => d, StringComparer.Ordinal), actual);
    }

    /// <summary>Every diagnostic the analyzer reports on the source, after asserting the source compiles.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source, IReadOnlyDictionary<string, string>? buildProperties = null,
        IReadOnlyDictionary<string, string>? alsoFiles = null)
    {
        var compilation = CSharpCompilation.Create(
            "Experiments",
            [
                CSharpSyntaxTree.ParseText(GlobalUsings, path: "GlobalUsings.cs"), CSharpSyntaxTree.ParseText(source, path: "Experiment.cs"),
                .. (alsoFiles ?? new Dictionary<string, string>()).Select(file => CSharpSyntaxTree.ParseText(file.Value, path: file.Key)),
            ],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], new BuildProperties(buildProperties ?? new Dictionary<string, string>())), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([analyzer], options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        return diagnostics;
    }

    // "GROK0001 at 5:12 `Name`": the line makes a failure readable, the text makes it exact.
    static string Describe(string id, TextSpan span, string source)
    {
        var line = SourceText.From(source).Lines.GetLinePosition(span.Start);
        return $"{id} at {line.Line + 1}:{line.Character + 1} `{source.Substring(span.Start, span.Length)}`";
    }

    static (string Source, List<TextSpan> Spans) ParseMarkup(string markup)
    {
        var source = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0) { open.Push(source.Length); i++; }
            else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0) { var start = open.Pop(); spans.Add(TextSpan.FromBounds(start, source.Length)); i++; }
            else source.Append(markup[i]);
        }
        Assert.Empty(open);
        return (source.ToString(), spans);
    }

    static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. platform.Append(typeof(ExperimentAttribute).Assembly.Location).Distinct().Select(static path => MetadataReference.CreateFromFile(path))];
    }

    // What the SDK passes for <CompilerVisibleProperty> items: global options, the same for every file.
    sealed class BuildProperties(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
