using GrokDsl.Cli.Terminal;

namespace GrokDsl.Cli.Launchers;

/// <summary>The table a sweep ends with: one row per run, then the counts. Plain text where the output is not a terminal, so it reads well in a log.</summary>
public static class SweepTable
{
    public static void Write(SweepResult outcome, TextWriter output)
    {
        output.WriteLine();
        var table = TablePrinter.Plain("run", "run id", "status", "attempts", "steps", "grokked", "how");
        foreach (var r in outcome.Runs)
            table.AddPlainRow(r.Index.ToString(), r.RunId, r.Status.ToString(), r.Attempts.ToString(), Number(r.Steps), Number(r.GrokkedAtStep), r.How);
        TablePrinter.Print(table.RightAligned(0, 3, 4, 5), output);
        var counts = outcome.Runs.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"{outcome.Runs.Count} run(s): {string.Join(", ", counts)}");
    }

    static string Number(long? value) => value?.ToString() ?? "-";
}
