namespace GrokDsl.PluginHostTests.Support;

/// <summary>The checkout these tests were built from.</summary>
static class Repository
{
    /// <summary>The folder that holds GrokDsl.sln, above the test assembly.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "GrokDsl.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no GrokDsl.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The build configuration of the test assembly (bin/&lt;configuration&gt;/&lt;framework&gt;/).</summary>
    public static string Configuration() => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
