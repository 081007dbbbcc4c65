using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using GrokDsl.Generators;
using GrokDsl.Runs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Cli.Compilation;

/// <summary>
/// Compiles a loose experiment file in memory with Roslyn, the GrokDsl generator and analyzers, the
/// same way the experiments project compiles it in an IDE. Compiled assemblies are cached by content
/// hash (file text and the GrokDsl, generator and analyzer builds), so a second run starts fast.
/// </summary>
public sealed class ExperimentCompiler(string cacheFolder)
{
    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The assembly carries its PDB, so an experiment that throws while being created can be located in its file.
    static readonly Microsoft.CodeAnalysis.Emit.EmitOptions EmitOptions = new(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.Embedded);

    /// <summary>The most runs a sweep may have (GROK0015); <c>--max-runs</c> raises it.</summary>
    public long MaxRuns { get; init; } = ExperimentInfo.DefaultMaxRuns;

    public static string DefaultCacheFolder =>
        Environment.GetEnvironmentVariable("GROKDSL_CACHE") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".grokdsl", "cache", "experiments");

    /// <summary>Compiles (or loads from the cache) and returns the experiments the file declares.</summary>
    /// <exception cref="CompilationFailedException">The file has errors.</exception>
    /// <exception cref="ExperimentCreationException">An experiment threw while being created.</exception>
    public IReadOnlyList<IExperiment> Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new FileNotFoundException($"{path}: experiment file not found", fullPath);
        var text = File.ReadAllText(fullPath);
        var cached = Path.Combine(cacheFolder, CacheKey(fullPath, text) + ".dll");

        byte[] image;
        if (File.Exists(cached))
        {
            image = File.ReadAllBytes(cached);
        }
        else
        {
            var (bytes, diagnostics) = Compile(fullPath, text, emit: true, MaxRuns);
            if (bytes is null) throw new CompilationFailedException(diagnostics);
            image = bytes;
            Directory.CreateDirectory(cacheFolder);
            AtomicFile.WriteAllBytes(cached, image);
        }

        var context = new AssemblyLoadContext($"experiment:{Path.GetFileName(fullPath)}", isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(image));
        return ExperimentCatalog.FromAssembly(assembly);
    }

    /// <summary>Every diagnostic of the file (errors, warnings, infos), formatted compiler-style; never runs anything.</summary>
    public IReadOnlyList<string> Check(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) return [$"{path}(1,1): error GROK0000: experiment file not found"];
        return Compile(fullPath, File.ReadAllText(fullPath), emit: false, MaxRuns).Diagnostics;
    }

    static (byte[]? Image, IReadOnlyList<string> Diagnostics) Compile(string fullPath, string text, bool emit, long maxRuns)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings.Source, ParseOptions, path: "GrokDsl.ImplicitUsings.g.cs", encoding: Encoding.UTF8),
            CSharpSyntaxTree.ParseText(text, ParseOptions, path: fullPath, encoding: Encoding.UTF8),
        };
        var compilation = CSharpCompilation.Create(
            "GrokDsl.Experiment." + Path.GetFileNameWithoutExtension(fullPath),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

        CSharpGeneratorDriver.Create(new ExperimentGenerator())
            .WithUpdatedParseOptions(ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);

        var diagnostics = generated.GetDiagnostics().ToList();
        var analyzers = AnalyzerCatalog.All;
        if (analyzers.Length > 0)
        {
            var options = new AnalyzerOptions([], new BuildProperties(new Dictionary<string, string>
            {
                [GrokDsl.Analyzers.SweepTooLargeAnalyzer.MaxRunsProperty] = maxRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            diagnostics.AddRange(generated.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        }

        var formatted = diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(Format)
            .Distinct()
            .ToList();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || !emit) return (null, formatted);

        using var image = new MemoryStream();
        var result = generated.Emit(image, options: EmitOptions);
        if (!result.Success)
            return (null, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format).ToList());
        return (image.ToArray(), formatted);
    }

    static string Format(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        var path = span.HasMappedPath ? span.Path : d.Location.SourceTree?.FilePath ?? "";
        var severity = d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    // The framework's assemblies plus the DSL (GrokDsl) and TorchSharp; nothing from the CLI itself.
    static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkFolder);
        var dsl = new[] { typeof(ExperimentAttribute).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location };
        return [.. framework.Concat(dsl).Select(p => MetadataReference.CreateFromFile(p))];
    });

    string CacheKey(string fullPath, string text)
    {
        var builds = string.Join("|", new[] { typeof(ExperimentAttribute).Assembly, typeof(ExperimentGenerator).Assembly }
            .Concat(AnalyzerCatalog.Assemblies)
            .Select(a => a.ManifestModule.ModuleVersionId));
        // The run limit decides whether GROK0015 fails the compilation, so an assembly built under a raised limit is not reused under a lower one.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{fullPath}\n{builds}\nmax-runs={MaxRuns}\n{text}"));
        return Convert.ToHexStringLower(hash)[..24];
    }

    // What the SDK passes for <CompilerVisibleProperty> items, for the analyzers that read build properties.
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
