using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GrokDsl.Contracts;

namespace GrokDsl.PluginTests;

/// <summary>
/// The manifests beside the plugins these tests cover agree with the assemblies, by the rules the host
/// applies when it loads them: the entry assembly exists by that name, the kinds cover every provider,
/// and no two plugins share an id.
/// </summary>
public sealed class PluginManifestTests
{
    static string PluginsFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "plugins"));

    public static TheoryData<string> Assemblies =>
    [
        typeof(GrokDsl.Plugins.ModularArithmetic.ModularArithmeticProvider).Assembly.GetName().Name!,
        typeof(GrokDsl.Plugins.Datasets.PermutationGroupProvider).Assembly.GetName().Name!,
        typeof(GrokDsl.Plugins.Mlp.MlpProvider).Assembly.GetName().Name!,
        typeof(GrokDsl.Plugins.Transformer.TransformerProvider).Assembly.GetName().Name!,
        typeof(GrokDsl.Plugins.Sequences.DyckProvider).Assembly.GetName().Name!,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void ManifestNamesTheAssemblyAndEveryKindItProvides(string assemblyName)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(PluginsFolder(), assemblyName, "plugin.json")));
        var root = manifest.RootElement;
        Assert.Equal(assemblyName + ".dll", root.GetProperty("entryAssembly").GetString());
        Assert.Equal(ContractVersion.Current, root.GetProperty("contractVersion").GetString());
        var kinds = root.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!).ToList();

        var providers = Assembly.Load(assemblyName).GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        Assert.All(providers.Where(typeof(IDatasetProvider).IsAssignableFrom), _ => Assert.Contains("dataset", kinds));
        Assert.All(providers.Where(typeof(IModelProvider).IsAssignableFrom), _ => Assert.Contains("model", kinds));
    }

    [Fact]
    public void PluginIdsAreUnique()
    {
        var ids = Directory.EnumerateFiles(PluginsFolder(), "plugin.json", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                           && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("id").GetString())
            .ToList();
        Assert.Contains("grokdsl.datasets", ids);
        Assert.Contains("grokdsl.transformer", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
