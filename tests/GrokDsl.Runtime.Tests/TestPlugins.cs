using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Runtime.Tests;

/// <summary>The built-in plugins as the build bundles them beside the tests, and scratch copies of them.</summary>
static class TestPlugins
{
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static PluginHost LoadBuiltIns() => PluginHost.Load([BuiltInFolder]);

    /// <summary>Copies one built-in plugin into a fresh temporary folder so a test can damage it.</summary>
    public static string CopyOf(string pluginFolderName, TempFolder into)
    {
        var source = Path.Combine(BuiltInFolder, pluginFolderName);
        var target = Path.Combine(into.Path, pluginFolderName);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}

/// <summary>A temporary folder deleted with the test.</summary>
sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("grokdsl-test-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
