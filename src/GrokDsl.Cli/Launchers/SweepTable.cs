namespace GrokDsl.Cli.Launchers;

/// <summary>The table a sweep ends with: one line per run, then the counts. Plain text, so it reads the same in a terminal and a log.</summary>
public static class SweepTable
{
    public static void Write(SweepResult outcome, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"run",4}  {"run id",-16} {"status",-12} {"attempts",8} {"steps",8} {"grokked",8}  how");
        foreach (var r in outcome.Runs)
            output.WriteLine($"{r.Index,4}  {r.RunId,-16} {r.Status,-12} {r.Attempts,8} {Number(r.Steps),8} {Number(r.GrokkedAtStep),8}  {r.How}");
        var counts = outcome.Runs.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"{outcome.Runs.Count} run(s): {string.Join(", ", counts)}");
    }

    static string Number(long? value) => value?.ToString() ?? "-";
}
