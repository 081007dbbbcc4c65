using System.Text.Json.Nodes;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>
/// Asserts that a run directory made one way (stacked) is the one the same run makes another way (alone): the same
/// files, and in every JSON file and metrics line the same fields with the same values up to float rounding. Fields
/// are compared generically, so a field added to either path later is compared too. Left out: what says when and
/// where a run was made (wall times, start time, host) and the checksums of tensor files, whose floats differ in
/// the last bits; tensor files are compared by name.
/// </summary>
static class RunDirectoryComparison
{
    static readonly Dictionary<string, string[]> IgnoredFields = new()
    {
        [RunEnvironment.FileName] = ["startedAt", "machine"],
        [RunDirectory.SummaryFile] = ["wallSeconds", "stepsPerSecond"],
        [RunDirectory.MetricsFileName] = ["wallSeconds"],
        [CheckpointStore.StateFile] = ["wallSeconds", "files"],
    };

    public static void AssertSameRun(RunDirectory expected, RunDirectory actual)
    {
        var files = RelativeFiles(expected.Path);
        Assert.Equal(files, RelativeFiles(actual.Path));
        foreach (var file in files)
        {
            var (expectedText, actualText) = (File.ReadAllText(Path.Combine(expected.Path, file)), File.ReadAllText(Path.Combine(actual.Path, file)));
            var name = Path.GetFileName(file);
            if (name == RunDirectory.ConfigurationFile) Assert.Equal(expectedText, actualText);
            else if (name == RunDirectory.MetricsFileName) AssertSameLines(expectedText, actualText, file);
            else if (name.EndsWith(".json", StringComparison.Ordinal))
                AssertSameJson(JsonNode.Parse(expectedText), JsonNode.Parse(actualText), file, IgnoredFields.GetValueOrDefault(name) ?? []);
        }
    }

    static List<string> RelativeFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    static void AssertSameLines(string expected, string actual, string file)
    {
        var (expectedLines, actualLines) = (expected.Split('\n'), actual.Split('\n'));
        Assert.True(expectedLines.Length == actualLines.Length, $"{file}: {expectedLines.Length} lines alone, {actualLines.Length} stacked");
        for (var i = 0; i < expectedLines.Length; i++)
        {
            if (expectedLines[i].Length == 0 && actualLines[i].Length == 0) continue;
            AssertSameJson(JsonNode.Parse(expectedLines[i]), JsonNode.Parse(actualLines[i]), $"{file} line {i + 1}", IgnoredFields[RunDirectory.MetricsFileName]);
        }
    }

    static void AssertSameJson(JsonNode? expected, JsonNode? actual, string where, IReadOnlyCollection<string> ignored)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{where}: null alone, {actual?.ToJsonString()} stacked");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                var names = expectedObject.Select(p => p.Key).Where(n => !ignored.Contains(n)).Order(StringComparer.Ordinal).ToList();
                Assert.True(
                    names.SequenceEqual(actualObject.Select(p => p.Key).Where(n => !ignored.Contains(n)).Order(StringComparer.Ordinal)),
                    $"{where}: fields {string.Join(", ", names)} alone, {string.Join(", ", actualObject.Select(p => p.Key))} stacked");
                foreach (var name in names) AssertSameJson(expectedObject[name], actualObject[name], $"{where} {name}", []);
                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(expectedArray.Count == actualArray.Count, $"{where}: {expectedArray.Count} items alone, {actualArray.Count} stacked");
                for (var i = 0; i < expectedArray.Count; i++) AssertSameJson(expectedArray[i], actualArray[i], $"{where}[{i}]", []);
                break;
            default:
                AssertSameValue(expected.AsValue(), actual, where);
                break;
        }
    }

    // Numbers agree to float rounding; accuracies to one example in a hundred, since an example may flip where two
    // logits tie to float precision. Everything else (strings, booleans, NaN written as a string) exactly.
    static void AssertSameValue(JsonValue expected, JsonNode? actual, string where)
    {
        if (expected.TryGetValue<double>(out var e) && actual is JsonValue value && value.TryGetValue<double>(out var a))
        {
            var tolerance = where.Contains("accuracy", StringComparison.OrdinalIgnoreCase) ? 0.01 : 1e-4 * Math.Max(1, Math.Abs(e));
            Assert.True(Math.Abs(e - a) <= tolerance, $"{where}: {e} alone, {a} stacked");
            return;
        }
        Assert.True(expected.ToJsonString() == actual?.ToJsonString(), $"{where}: {expected.ToJsonString()} alone, {actual?.ToJsonString()} stacked");
    }
}
