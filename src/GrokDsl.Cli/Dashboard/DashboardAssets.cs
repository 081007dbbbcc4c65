namespace GrokDsl.Cli.Dashboard;

/// <summary>The dashboard page and its script (<c>Dashboard/Assets/</c>), embedded in the CLI.</summary>
static class DashboardAssets
{
    static readonly Lazy<string> LoadedPage = new(() => Read("dashboard.html"));
    static readonly Lazy<string> LoadedScript = new(() => Read("dashboard.js"));

    public static string Page => LoadedPage.Value;

    public static string Script => LoadedScript.Value;

    static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream($"GrokDsl.Cli.Dashboard.{name}")
                           ?? throw new InvalidOperationException($"the CLI was built without its embedded Dashboard/Assets/{name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
