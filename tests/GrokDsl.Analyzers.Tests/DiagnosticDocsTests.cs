using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers.Tests;

/// <summary>The catalog, the analyzers and docs/diagnostics/ describe the same set of rules.</summary>
public sealed class DiagnosticDocsTests
{
    static readonly string DocsFolder = Path.Combine(RepositoryRoot(), "docs", "diagnostics");

    static readonly IReadOnlyList<string> Ids =
    [
        .. typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral)
            .Select(static f => (string)f.GetRawConstantValue()!),
    ];

    static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors =
    [
        .. typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!),
    ];

    [Fact]
    public void EveryIdHasADocsPage()
    {
        Assert.NotEmpty(Ids);
        Assert.All(Ids, static id => Assert.True(File.Exists(Path.Combine(DocsFolder, id + ".md")), $"docs/diagnostics/{id}.md is missing."));
    }

    [Fact]
    public void EveryDocsPageHasAnId()
    {
        var pages = Directory.GetFiles(DocsFolder, "*.md").Select(Path.GetFileNameWithoutExtension).Where(static name => name != "README");
        Assert.All(pages, static page => Assert.Contains(page, Ids));
    }

    [Fact]
    public void EveryIdHasOneDescriptor_NamedForItsId()
    {
        Assert.Equal(Ids.Order(StringComparer.Ordinal), Descriptors.Select(static d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(typeof(DiagnosticIds).GetFields(), static field => Assert.StartsWith((string)field.GetRawConstantValue()!, field.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryPageStatesTheDescriptorsTitleAndSeverity()
    {
        Assert.All(Descriptors, static descriptor =>
        {
            var page = File.ReadAllLines(Path.Combine(DocsFolder, descriptor.Id + ".md"));
            Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", page[0]);
            Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page);
            Assert.Contains($"| Category | {descriptor.Category} |", page);
        });
    }

    [Fact]
    public void HelpLinksPointAtThePages()
    {
        Assert.All(Descriptors, static descriptor =>
        {
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(RepositoryRoot(), descriptor.HelpLinkUri)));
        });
    }

    [Fact]
    public void TheIndexListsEveryId()
    {
        var index = File.ReadAllText(Path.Combine(DocsFolder, "README.md"));
        Assert.All(Descriptors, descriptor =>
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} |", index, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDescriptorIsReportedByExactlyOneAnalyzer()
    {
        var supported = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(static t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(static t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Select(static d => d.Id))
            .ToList();

        Assert.Equal(Ids.Order(StringComparer.Ordinal), supported.Order(StringComparer.Ordinal));
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GrokDsl.sln"))) return directory.FullName;
        throw new InvalidOperationException("GrokDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
