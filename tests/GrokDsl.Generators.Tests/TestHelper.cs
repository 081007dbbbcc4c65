using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using GrokDsl.Generators.Model;
using GrokDsl.Generators.Tests.Incremental;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Snapshooter.Xunit;

namespace GrokDsl.Generators.Tests;

/// <summary>
/// Compiles experiment sources in memory against GrokDsl.dll and runs the generator on them. Every run
/// also checks that the generated code compiles and that the pipeline caches, so no test can pass on
/// output that would break a build or re-run on every keystroke.
/// </summary>
internal static class TestHelper
{
    // What the experiments project gets from ImplicitUsings, so test sources read like real experiments.
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        """;

    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Experiments",
            [Parse(ImplicitUsings, "ImplicitUsings.cs"), .. sources.Select(static (source, i) => Parse(source, $"Experiment{i}.cs"))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ExperimentGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator, asserts that its output compiles and that a second run is fully cached.</summary>
    public static GeneratorRunResult Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        AssertCompiles(output);
        Cacheability.AssertRerunIsCached(driver, compilation);
        return driver.GetRunResult().Results.Single();
    }

    /// <summary>Compiles the sources with the generator, loads the assembly and returns its registered experiments.</summary>
    public static IReadOnlyList<IExperiment> LoadExperiments(params string[] sources)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(Compile(sources), out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new System.Runtime.Loader.AssemblyLoadContext("generated-experiments", isCollectible: true);
        return ExperimentCatalog.FromAssembly(context.LoadFromStream(new MemoryStream(image.ToArray())));
    }

    /// <summary>The one generated file's text, with line endings normalized so snapshots match on every OS.</summary>
    public static string SingleSource(this GeneratorRunResult result)
    {
        Assert.Null(result.Exception);
        return Assert.Single(result.GeneratedSources).SourceText.ToString().Replace("\r\n", "\n");
    }

    /// <summary>
    /// Matches the calling test's snapshot. Snapshooter writes a missing snapshot and passes, also on CI;
    /// there a missing snapshot fails instead, so an uncommitted one cannot pass unreviewed.
    /// </summary>
    public static void MatchSnapshot(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        var snapshot = Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__", $"{Path.GetFileNameWithoutExtension(testFile)}.{test}.snap");
        Assert.True(File.Exists(snapshot) || Environment.GetEnvironmentVariable("CI") != "true", $"{snapshot} is not committed; run the test locally and commit it.");
        Snapshot.Match(actual);
    }

    /// <summary>The models the parser produced for the records it accepted.</summary>
    public static IReadOnlyList<ExperimentSpec> Specs(this GeneratorRunResult result) =>
        result.TrackedSteps.TryGetValue(TrackingNames.ValidExperimentSpecs, out var steps)
            ? [.. steps.SelectMany(static step => step.Outputs).Select(static output => (ExperimentSpec)output.Value)]
            : [];

    // Errors anywhere fail the test; warnings only where the generator wrote them (test sources may be sloppy on purpose).
    static void AssertCompiles(Compilation output)
    {
        var problems = output.GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error
                               || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    // The runtime's reference set plus GrokDsl.dll, as an experiments project compiles against.
    static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. platform.Append(typeof(ExperimentAttribute).Assembly.Location).Distinct().Select(static path => MetadataReference.CreateFromFile(path))];
    }
}
