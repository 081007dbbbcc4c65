using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Analysis.Dynamics;

/// <summary>
/// <c>dynamics.json</c> in an experiment folder (over all its runs), or <c>sweep-&lt;id&gt;.dynamics.json</c> for one
/// recorded sweep: written atomically by <c>grokdsl dynamics</c>, read by that sweep's report.
/// </summary>
public static class DynamicsFile
{
    public const string FileName = "dynamics.json";

    public static string NameFor(string? sweepId) => sweepId is null ? FileName : $"sweep-{sweepId}.{FileName}";

    public static string Write(string sweepDirectory, string? sweepId, DynamicsResult result)
    {
        var path = Path.Combine(sweepDirectory, NameFor(sweepId));
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, RunJson.Indented));
        return path;
    }

    /// <summary>The stored result, or null when there is none; a damaged file is an error that names it.</summary>
    public static DynamicsResult? Read(string sweepDirectory, string? sweepId) => RunFile.ReadJson<DynamicsResult>(Path.Combine(sweepDirectory, NameFor(sweepId)));
}
