namespace GrokDsl.Runtime.Plugins;

/// <summary>Where plugins are looked for, in order of precedence.</summary>
public static class PluginFolders
{
    /// <summary>Environment variable naming extra plugin folders, separated like PATH.</summary>
    public const string EnvironmentVariable = "GROKDSL_PLUGIN_PATH";

    /// <summary>
    /// Folders given on the command line, then <see cref="EnvironmentVariable"/>, then
    /// <c>~/.grokdsl/plugins</c>, then the installation's own <c>plugins/</c>.
    /// </summary>
    public static IReadOnlyList<string> Default(IEnumerable<string> extra)
    {
        var folders = new List<string>(extra);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            folders.AddRange(fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".grokdsl", "plugins"));
        folders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        return folders;
    }

    /// <summary>A plugin folder itself, or every plugin folder directly inside a folder of plugins.</summary>
    public static IEnumerable<string> Expand(string root)
    {
        if (!Directory.Exists(root)) return [];
        if (File.Exists(Path.Combine(root, PluginManifest.FileName))) return [root];
        return Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, PluginManifest.FileName)))
            .Order(StringComparer.Ordinal);
    }
}
