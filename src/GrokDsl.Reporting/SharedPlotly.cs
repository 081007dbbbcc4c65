using System.Text;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// One <c>plotly.min.js</c> per runs folder, which the run and sweep reports under it load by a relative path: the pages
/// stay offline, and a 300-run sweep holds one copy of the 3.6 MB script instead of 300. A report that must work copied
/// elsewhere alone inlines the script instead (<c>grokdsl report --standalone</c>, and comparison pages always).
/// </summary>
public static class SharedPlotly
{
    public const string FileName = "plotly.min.js";

    /// <summary>
    /// Makes sure <paramref name="runsRoot"/> holds the script and returns its path relative to <paramref name="pageFolder"/>,
    /// with '/' as a URL wants it.
    /// </summary>
    public static string Place(string runsRoot, string pageFolder)
    {
        var path = Path.Combine(runsRoot, FileName);
        var script = Encoding.UTF8.GetBytes(PlotlyJavaScript.Source);
        // Written when missing or of another size (another plotly.js version): reports rewritten while a sweep runs only read.
        if (!File.Exists(path) || new FileInfo(path).Length != script.Length) AtomicFile.WriteAllBytes(path, script);
        return Path.GetRelativePath(pageFolder, path).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The runs folder <paramref name="levels"/> folders above <paramref name="pageFolder"/>; null above the file system's root.</summary>
    public static string? RunsRootAbove(string pageFolder, int levels)
    {
        string? folder = Path.GetFullPath(pageFolder);
        for (var i = 0; i < levels && folder is not null; i++) folder = Path.GetDirectoryName(folder);
        return folder;
    }
}
