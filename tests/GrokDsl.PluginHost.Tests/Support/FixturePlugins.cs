using System.Security.Cryptography;
using System.Text;

namespace GrokDsl.PluginHostTests.Support;

/// <summary>
/// The fixture plugins in Fixtures/, built with <c>dotnet build</c> outside the solution against the
/// GrokDsl.dll and TorchSharp.dll beside these tests (Private=false), the way a third party builds a
/// plugin. Built at most once per test run, and cached by content (fixture sources and GrokDsl.dll) in
/// the temp folder, so a later run with the same inputs skips the build.
/// </summary>
static class FixturePlugins
{
    /// <summary>Revision 1 of plugin "fixture.measures": "fixture-measure" (revision 1) and "fixture-throwing-measure".</summary>
    public const string V1 = "MeasuresV1";

    /// <summary>Revision 2 of "fixture.measures": same id and assembly name, "fixture-measure" reports revision 2.</summary>
    public const string V2 = "MeasuresV2";

    /// <summary>Plugin "fixture.throwing-constructor": its measure provider's constructor throws.</summary>
    public const string ThrowingConstructor = "ThrowingConstructor";

    public const string EntryAssembly = "GrokDsl.Fixtures.Measures.dll";
    public const string PrivateDependency = "FixtureSupport.dll";

    static readonly Lazy<string> Built = new(Build);

    /// <summary>The built-in plugins, bundled beside the tests (they provide the dataset and model of a run).</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Copies a built fixture into <paramref name="root"/>/<paramref name="name"/>, as if dropped there.</summary>
    public static string Install(string variant, string root, string name = "fixture")
    {
        var target = Path.Combine(root, name);
        CopyTree(Path.Combine(Built.Value, variant), target);
        return target;
    }

    /// <summary>Copies a built fixture over an installed one, file by file, overwriting (a plain <c>cp -r</c>).</summary>
    public static void CopyOver(string variant, string folder) => CopyTree(Path.Combine(Built.Value, variant), folder);

    /// <summary>Replaces an installed folder by moving a complete new one into its place (an atomic deploy).</summary>
    public static void MoveIntoPlace(string variant, string folder)
    {
        var staged = folder + ".staged";
        CopyTree(Path.Combine(Built.Value, variant), staged);
        Directory.Move(folder, folder + ".old");
        Directory.Move(staged, folder);
        Directory.Delete(folder + ".old", recursive: true);
    }

    public static void EditManifest(string folder, Func<string, string> edit)
    {
        var path = Path.Combine(folder, "plugin.json");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    static string Build()
    {
        var sources = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var cache = Path.Combine(Path.GetTempPath(), "grokdsl-fixture-plugins");
        var output = Path.Combine(cache, Key(sources));
        if (Directory.Exists(output)) return output;

        // Build in a private folder and move the result into place: concurrent test runs never see half a build.
        var work = Path.Combine(cache, "building-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTree(sources, Path.Combine(work, "src"));
            Dotnet.Build(Path.Combine(work, "src", "Fixtures.slnx"), $"-p:GrokDslBin={AppContext.BaseDirectory}", $"-p:FixtureOutput={Path.Combine(work, "out")}{Path.DirectorySeparatorChar}");
            try
            {
                Directory.Move(Path.Combine(work, "out"), output);
            }
            catch (IOException) when (Directory.Exists(output))
            {
                // another test run finished the same build first
            }
            return output;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    // Everything the build output depends on: the fixture sources and the contracts they compile against.
    static string Key(string sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(sources, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(sources, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        hash.AppendData(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "GrokDsl.dll")));
        hash.AppendData(Encoding.UTF8.GetBytes(typeof(TorchSharp.torch).Assembly.FullName!));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    static void CopyTree(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}
