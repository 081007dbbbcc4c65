namespace GrokDsl.Cli.Dashboard;

/// <summary>The dashboard's URL scheme, in one place for the server's routes and the links it sends.</summary>
static class DashboardUrls
{
    /// <summary>Files of the runs folder (reports, the shared plotly.min.js) are served under this path.</summary>
    public const string RunsPrefix = "/runs";
    public const string Events = "/events";
    public const string Store = "/api/store";
    public const string Script = "/dashboard.js";
    public const string Compare = RunsPrefix + "/compare";

    public static string RunsFile(params string[] segments) => RunsPrefix + "/" + string.Join('/', segments.Select(Uri.EscapeDataString));

    // Under /runs/ like the reports, so that the comparison's relative links to run reports resolve.
    public static string CompareSweep(string experiment, string sweep) =>
        $"{Compare}?sweep={Uri.EscapeDataString(experiment)}/{Uri.EscapeDataString(sweep)}";
}
