using System.CommandLine;
using GrokDsl.Reporting;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl report DIR</c>: (re)render the report of a run directory (it holds config.json, metrics.jsonl or
/// summary.json) or of a sweep directory (runs/&lt;experiment-id&gt;/, one folder per run), also while they run.
/// <c>grokdsl report --compare RUN RUN…</c>: one page with the runs' curves overlaid. <c>--watch</c> re-renders
/// every <c>--interval</c> seconds until every run shown has finished; the pages of unfinished work reload themselves.
/// </summary>
static class ReportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("dir")
        {
            Description = "A run directory (runs/<experiment-id>/<run-id>) or a sweep directory (runs/<experiment-id>); with --compare, the run directories to compare.",
            Arity = ArgumentArity.OneOrMore,
        };
        var compare = new Option<bool>("--compare") { Description = "Overlay the given runs' curves in one page." };
        var output = new Option<string?>("--output", "-o") { Description = $"Where --compare writes its page (default: ./{CompareReportWriter.DefaultFileName})." };
        var template = new Option<string?>("--template") { Description = "A Scriban template to render a run report with instead of the built-in one." };
        var watch = new Option<bool>("--watch") { Description = "Re-render periodically until every run shown has finished (Ctrl+C stops)." };
        var interval = new Option<int>("--interval")
        {
            Description = "Seconds between renders with --watch.",
            DefaultValueFactory = _ => LiveRefresh.Seconds,
        };
        var sweepId = new Option<string?>("--sweep-id")
        {
            Description = "Which sweep of an experiment folder to report, when it holds several (each `grokdsl sweep` records one in sweep-<sweep-id>.json).",
        };
        var standalone = new Option<bool>("--standalone")
        {
            Description = "Inline plotly.js in the page, so it works copied anywhere alone (by default run and sweep pages load the runs folder's one plotly.min.js).",
        };
        var command = new Command("report", """
            Write report.html for a run or a sweep directory, or a comparison of runs. A run's report is rebuilt
            from its directory alone. An experiment folder that holds several sweeps (each `grokdsl sweep` records
            its runs in a manifest) is reported one sweep at a time, into sweep-<sweep-id>.html: name it with --sweep-id.

            Examples:
              grokdsl report runs/modular-addition/6818cb0e1f2a
              grokdsl report runs/modular-addition --watch --interval 30
              grokdsl report runs/modular-addition --sweep-id 3f2a9c0d1b7e4a55
              grokdsl report --compare runs/a/r1 runs/a/r2 -o compare.html
              grokdsl report runs/modular-addition/6818cb0e1f2a --standalone
            """)
        {
            paths, compare, output, template, watch, interval, sweepId, standalone,
        };
        command.SetAction((result, cancellation) => ExecuteAsync(
            result.GetValue(paths)!, result.GetValue(compare), result.GetValue(output), result.GetValue(template),
            result.GetValue(watch), result.GetValue(interval), result.GetValue(sweepId), result.GetValue(standalone), cancellation));
        return command;
    }

    static async Task<int> ExecuteAsync(
        string[] paths, bool compare, string? output, string? template, bool watch, int interval, string? sweepId, bool standalone, CancellationToken cancellation)
    {
        if (watch && interval < 1)
        {
            Console.Error.WriteLine("error: --interval must be at least 1 second");
            return ExitCodes.Failed;
        }
        Func<bool>? render = compare ? CompareRenderer(paths, output) : SingleRenderer(paths, template, sweepId, standalone);
        if (render is null) return ExitCodes.Failed;
        try
        {
            if (!watch) render();
            else
            {
                var (renders, finished) = await ReportWatch.RunAsync(render, TimeSpan.FromSeconds(interval), cancellation);
                Console.Error.WriteLine(finished
                    ? $"every run has finished; rendered {renders} time{(renders == 1 ? "" : "s")}"
                    : "watch stopped before every run finished");
            }
        }
        catch (ReportTemplateException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the report: {e.Message}");
            return ExitCodes.Failed;
        }
        return ExitCodes.Ok;
    }

    // One directory: a run (with its optional template) or a sweep, told apart by ReportTargets.
    static Func<bool>? SingleRenderer(string[] paths, string? template, string? sweepId, bool standalone)
    {
        if (paths.Length != 1)
        {
            Console.Error.WriteLine("error: give one run or sweep directory, or use --compare for several runs");
            return null;
        }
        var path = Path.GetFullPath(paths[0]);
        switch (ReportTargets.Detect(path))
        {
            case ReportTargetKind.Run:
                var run = new RunDirectory(path);
                return () =>
                {
                    var (written, report) = RunReports.Write(run, template, standalone);
                    Console.WriteLine(written);
                    return report.Summary is not null;
                };
            case ReportTargetKind.Sweep when template is not null:
                Console.Error.WriteLine("error: --template applies to run reports only; this is a sweep directory");
                return null;
            case ReportTargetKind.Sweep:
                if (!TryChooseSweep(path, sweepId, out var manifest)) return null;
                return () =>
                {
                    var report = RenderSweep(path, manifest, standalone);
                    Console.WriteLine(report.ReportPath);
                    return !report.InProgress;
                };
            case ReportTargetKind.Missing:
                Console.Error.WriteLine($"error: {path}: no such directory");
                return null;
            default:
                Console.Error.WriteLine($"error: {path}: neither a run directory (no {RunDirectory.ConfigurationFile}, {RunDirectory.MetricsFileName} or {RunDirectory.SummaryFile}) nor a sweep directory (no run folders inside)");
                return null;
        }
    }

    // The sweep to report: the one named, the only one recorded, or (no manifests: runs made before sweeps had them) all runs.
    internal static bool TryChooseSweep(string experimentFolder, string? sweepId, out SweepManifest? chosen)
    {
        chosen = null;
        IReadOnlyList<SweepManifest> manifests;
        try
        {
            manifests = SweepManifest.ReadAll(experimentFolder);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
        if (sweepId is not null)
        {
            chosen = manifests.FirstOrDefault(m => m.SweepId == sweepId);
            if (chosen is null) Console.Error.WriteLine($"error: {experimentFolder} has no sweep {sweepId}; it has {Describe(manifests)}");
            return chosen is not null;
        }
        if (manifests.Count > 1)
        {
            Console.Error.WriteLine($"error: {experimentFolder} holds {manifests.Count} sweeps; say which with --sweep-id:");
            foreach (var m in manifests)
                Console.Error.WriteLine($"  {m.SweepId}  {m.CreatedAt:yyyy-MM-dd HH:mm} UTC  {m.RunIds.Count} run(s)  grokdsl {ShellWords.Join(m.Command)}");
            return false;
        }
        chosen = manifests.FirstOrDefault();
        return true;

        static string Describe(IReadOnlyList<SweepManifest> all) => all.Count == 0 ? "none" : string.Join(", ", all.Select(m => m.SweepId));
    }

    static Func<bool>? CompareRenderer(string[] paths, string? output)
    {
        var runs = paths.Select(Path.GetFullPath).ToList();
        foreach (var run in runs.Where(run => ReportTargets.Detect(run) != ReportTargetKind.Run))
        {
            Console.Error.WriteLine($"error: {run}: not a run directory");
            return null;
        }
        var destination = Path.GetFullPath(output ?? CompareReportWriter.DefaultFileName);
        return () =>
        {
            var report = CompareReport.Load(runs.Select(run => new RunDirectory(run)));
            Console.WriteLine(CompareReportWriter.WriteTo(report, destination));
            return !report.InProgress;
        };
    }

    /// <summary>Writes the report of a sweep (a manifest's runs, or every run folder), also after <c>dynamics</c> and <c>predict</c> add to it.</summary>
    public static SweepReport RenderSweep(string path, SweepManifest? manifest, bool standalone = false)
    {
        var experimentId = Path.GetFileName(path);
        var first = ReportTargets.RunDirectoriesIn(path).Select(folder => new RunDirectory(folder)).FirstOrDefault();
        var reproduce = manifest is not null ? $"{GrokdslInvocation.Prefix} {ShellWords.Join(manifest.Command)}"
            : first is null ? $"{GrokdslInvocation.Prefix} run {ShellWords.Quote(experimentId)}" : ReproduceCommand.For(first);
        var report = SweepReport.Load(path, reproduce, Source(experimentId), manifest: manifest);
        SweepReportWriter.WriteTo(report, standalone);
        return report;
    }

    // Run directories record their citation; the built-in experiment's stands in for runs made before they did.
    static string? Source(string? experimentId) => RunReports.BuiltInCitation(experimentId);
}
