using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GrokDsl.Analysis.Prediction;
using GrokDsl.Runs;
using GrokDsl.Cli.Terminal;
using Spectre.Console;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl predict SWEEP-DIR --first-steps N</c>: Notsawo et al. (2023)'s early-loss spectral feature per run and how
/// well it separates the runs that grokked from those that did not; writes prediction.json and the sweep's report.
/// </summary>
static class PredictCommand
{
    public static Command Create()
    {
        var sweep = SweepDirectoryArgument.Create();
        var sweepId = SweepDirectoryArgument.SweepId();
        var firstSteps = new Option<long>("--first-steps") { Description = "The window: the train loss of the evaluations at steps ≤ N.", Required = true };
        var band = new Option<double>("--band") { Description = "The share of the spectrum (lowest frequencies first) whose energy is the feature.", DefaultValueFactory = _ => 0.5 };
        var budget = new Option<long?>("--budget") { Description = "Count a run as grokked only if it grokked by this step (runs trained past it without grokking are censored there); default: each run's own budget." };
        var seed = new Option<int>("--seed") { Description = "Seeds the bootstrap interval of the AUC.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print prediction.json's content instead of a table." };
        var command = new Command("predict", """
            Score each finished run of a sweep by the oscillation energy of its early training loss (Notsawo et al. 2023,
            "Predicting Grokking Long Before it Happens") and report how well that score separates the runs that grokked
            within their budget from the censored ones: ROC AUC with a 95 % stratified bootstrap interval.

            Examples:
              grokdsl predict runs/grokfast-2024 --first-steps 500
              grokdsl predict runs/hu-2023 --first-steps 1000 --band 0.25 --json
              grokdsl predict runs/hu-2023-cpu --first-steps 500 --budget 2200
            """)
        {
            sweep, sweepId, firstSteps, band, budget, seed, json,
        };
        command.SetAction(result => Execute(result.GetValue(sweep)!, result.GetValue(sweepId), result.GetValue(firstSteps), result.GetValue(band), result.GetValue(budget), result.GetValue(seed), result.GetValue(json)));
        return command;
    }

    static int Execute(string sweepDir, string? sweepId, long firstSteps, double band, long? budget, int seed, bool json)
    {
        if (SweepDirectoryArgument.Runs(sweepDir, sweepId) is not ({ } directories, var manifest)) return ExitCodes.InvalidExperiment;
        if (firstSteps < 1 || band is <= 0 or > 1 || budget <= firstSteps)
        {
            Console.Error.WriteLine(firstSteps < 1 ? "error: --first-steps must be at least 1"
                : budget <= firstSteps ? "error: --budget must lie after the --first-steps window"
                : "error: --band is a fraction in (0, 1]");
            return ExitCodes.InvalidExperiment;
        }
        var prediction = GrokPrediction.Evaluate(directories, firstSteps, band, seed, budget);
        foreach (var reason in prediction.Skipped) Console.Error.WriteLine($"warning: left out {reason}");
        var sweepPath = Path.GetFullPath(sweepDir);
        var file = PredictionFile.Write(sweepPath, manifest?.SweepId, prediction);
        var report = ReportCommand.RenderSweep(sweepPath, manifest);
        if (json) Console.WriteLine(JsonSerializer.Serialize(prediction, RunJson.Indented));
        else
        {
            var table = new Table().AddColumns("run", "feature", "grokked", "grokking step");
            foreach (var run in prediction.Runs.OrderByDescending(r => r.Feature ?? double.NegativeInfinity))
                table.AddRow(run.RunId, run.Feature?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-", run.Grokked ? "yes" : "no", run.GrokkedAtStep?.ToString("N0", CultureInfo.InvariantCulture) ?? "-");
            TablePrinter.Print(table);
            Console.WriteLine(prediction.Auc is { Estimate: { } auc } interval
                ? FormattableString.Invariant($"AUC {auc:0.000} (95 % interval {interval.Lower:0.000}–{interval.Upper:0.000}, {interval.Resamples} stratified resamples)")
                : "error: " + prediction.Note);
        }
        Console.WriteLine($"prediction: {file}");
        Console.WriteLine($"report: {report.ReportPath}");
        return prediction.Auc is null ? ExitCodes.InvalidExperiment : ExitCodes.Ok;
    }
}
