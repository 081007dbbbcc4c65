using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Analysis.Dynamics;

/// <summary><c>dynamics.json</c> in a sweep directory: written atomically by <c>grokdsl dynamics</c>, read by the sweep report.</summary>
public static class DynamicsFile
{
    public const string FileName = "dynamics.json";

    public static string Write(string sweepDirectory, DynamicsResult result)
    {
        var path = Path.Combine(sweepDirectory, FileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, RunJson.Indented));
        return path;
    }

    /// <summary>The stored result, or null when there is none; a damaged file is an error that names it.</summary>
    public static DynamicsResult? Read(string sweepDirectory) => StoredJson.Read<DynamicsResult>(Path.Combine(sweepDirectory, FileName));
}
