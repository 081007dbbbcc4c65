namespace GrokDsl.Reporting;

/// <summary>The table of runs that sweep and comparison pages share: status, the values that differ, key numbers.</summary>
static class RunTable
{
    /// <param name="runs">The rows, in order.</param>
    /// <param name="axes">The configuration keys to show as columns (the ones that differ across the runs).</param>
    /// <param name="pageFolder">The folder the page is written to: links to the runs' reports are relative to it.</param>
    public static DataTable Of(IReadOnlyList<LoadedRun> runs, IReadOnlyList<SweepAxis> axes, string pageFolder)
    {
        var columns = new List<TableColumn> { new("Run", false), new("Status", false) };
        columns.AddRange(TableColumn.ForAxes(axes));
        columns.AddRange(
        [
            new("t_mem", true, "Memorized at step: first step with train accuracy at the threshold"),
            new("t_grok", true, "Grokked at step"),
            new("Gap", true, "t_grok − t_mem, in steps"),
            new("Train acc.", true, "Final (or latest) train accuracy"),
            new("Test acc.", true, "Final (or latest) test accuracy"),
            new("Last step", true, "The last step the run reached"),
            new("Wall time", true),
        ]);
        var rows = runs.Select(run =>
        {
            var cells = new List<TableCell>
            {
                new(run.RunId, run.RunId, ReportLink(run, pageFolder)),
                TableCell.Status(run.Status),
            };
            cells.AddRange(axes.Select(axis => TableCell.Setting(axis.ValueOf(run.Configuration), axis.IsNumeric)));
            cells.AddRange(
            [
                TableCell.Steps(run.MemorizedAtStep),
                TableCell.Steps(run.GrokkedAtStep),
                TableCell.Steps(run.GrokkedAtStep - run.MemorizedAtStep),
                TableCell.Percent(run.FinalTrainAccuracy),
                TableCell.Percent(run.FinalTestAccuracy),
                TableCell.Steps(run.LastStep),
                TableCell.Duration(run.WallSeconds),
            ]);
            return new TableRow(cells, "status-row-" + run.Status.Replace(' ', '-'));
        });
        return new DataTable(columns, [.. rows]);
    }

    /// <summary>A relative, URL-encoded link to the run's own report, when it has one.</summary>
    static string? ReportLink(LoadedRun run, string pageFolder)
    {
        var report = run.Directory.ReportPath;
        if (!File.Exists(report)) return null;
        var relative = Path.GetRelativePath(pageFolder, report);
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    /// <summary>Runs per status, in the order statuses are explained in the docs; none-count statuses left out.</summary>
    public static IReadOnlyList<StatusCount> Counts(IReadOnlyList<LoadedRun> runs)
    {
        string[] order = ["grokked", "censored", "diverged", "interrupted", "failed", "in progress"];
        return
        [
            .. order.Select(status => new StatusCount(status, "status-" + status.Replace(' ', '-'), runs.Count(run => run.Status == status)))
                .Where(count => count.Count > 0),
        ];
    }

    /// <summary>The shortest unambiguous name of a run in a legend: its id, with the experiment when runs mix experiments.</summary>
    public static string Name(LoadedRun run, bool mixedExperiments) => mixedExperiments ? $"{run.ExperimentId}/{run.RunId}" : run.RunId;
}
