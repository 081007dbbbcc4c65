using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Analysis.Prediction;

/// <summary>
/// <c>prediction.json</c> in an experiment folder (over all its runs), or <c>sweep-&lt;id&gt;.prediction.json</c> for one
/// recorded sweep: written atomically by <c>grokdsl predict</c>, read by that sweep's report.
/// </summary>
public static class PredictionFile
{
    public const string FileName = "prediction.json";

    public static string NameFor(string? sweepId) => sweepId is null ? FileName : $"sweep-{sweepId}.{FileName}";

    public static string Write(string sweepDirectory, string? sweepId, PredictionResult result)
    {
        var path = Path.Combine(sweepDirectory, NameFor(sweepId));
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, RunJson.Indented));
        return path;
    }

    public static PredictionResult? Read(string sweepDirectory, string? sweepId) =>
        RunFile.ReadJson<PredictionResult>(Path.Combine(sweepDirectory, NameFor(sweepId)));
}
