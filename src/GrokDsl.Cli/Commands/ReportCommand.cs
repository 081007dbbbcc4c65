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
        var command = new Command("report", """
            Write report.html for a run or a sweep directory, or a comparison of runs.

            Examples:
              grokdsl report runs/modular-addition/6818cb0e1f2a
              grokdsl report runs/modular-addition --watch --interval 30
              grokdsl report --compare runs/a/r1 runs/a/r2 -o compare.html
            """)
        {
            paths, compare, output, template, watch, interval,
        };
        command.SetAction((result, cancellation) => ExecuteAsync(
            result.GetValue(paths)!, result.GetValue(compare), result.GetValue(output), result.GetValue(template),
            result.GetValue(watch), result.GetValue(interval), cancellation));
        return command;
    }

    static async Task<int> ExecuteAsync(
        string[] paths, bool compare, string? output, string? template, bool watch, int interval, CancellationToken cancellation)
    {
        if (watch && interval < 1)
        {
            Console.Error.WriteLine("error: --interval must be at least 1 second");
            return ExitCodes.Failed;
        }
        Func<bool>? render = compare ? CompareRenderer(paths, output) : SingleRenderer(paths, template);
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
    static Func<bool>? SingleRenderer(string[] paths, string? template)
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
                var source = Source(Path.GetFileName(Path.GetDirectoryName(path)));
                return () =>
                {
                    var report = RunReport.Load(run, ReproduceCommand.For(run), source);
                    Console.WriteLine(RunReportWriter.WriteTo(run, report, template));
                    return report.Summary is not null;
                };
            case ReportTargetKind.Sweep when template is not null:
                Console.Error.WriteLine("error: --template applies to run reports only; this is a sweep directory");
                return null;
            case ReportTargetKind.Sweep:
                return () =>
                {
                    var report = RenderSweep(path);
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

    /// <summary>Writes a sweep directory's report.html (also after <c>dynamics</c> and <c>predict</c> add to it).</summary>
    public static SweepReport RenderSweep(string path)
    {
        var experimentId = Path.GetFileName(path);
        var first = ReportTargets.RunDirectoriesIn(path).Select(folder => new RunDirectory(folder)).FirstOrDefault();
        var report = SweepReport.Load(path, first is null ? $"grokdsl run {experimentId}" : ReproduceCommand.For(first), Source(experimentId));
        SweepReportWriter.WriteTo(report);
        return report;
    }

    // Run directories do not record the citation; built-in experiments carry it.
    static string? Source(string? experimentId) =>
        ExperimentResolver.BuiltIn.FirstOrDefault(e => e.Info.Id == experimentId)?.Info.Source;
}
