using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Analysis.Prediction;

/// <summary><c>prediction.json</c> in a sweep directory: written atomically by <c>grokdsl predict</c>, read by the sweep report.</summary>
public static class PredictionFile
{
    public const string FileName = "prediction.json";

    public static string Write(string sweepDirectory, PredictionResult result)
    {
        var path = Path.Combine(sweepDirectory, FileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(result, RunJson.Indented));
        return path;
    }

    public static PredictionResult? Read(string sweepDirectory) =>
        StoredJson.Read<PredictionResult>(Path.Combine(sweepDirectory, FileName));
}
