using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GrokDsl.Analysis.Dynamics;
using GrokDsl.Runs;
using GrokDsl.Cli.Terminal;
using Spectre.Console;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl dynamics SWEEP-DIR</c>: Hu et al. (2023)'s latent-state model of a sweep's training dynamics, written to
/// dynamics.json and shown in the sweep report.
/// </summary>
static class DynamicsCommand
{
    public static Command Create()
    {
        var sweep = SweepDirectoryArgument.Create();
        var sweepId = SweepDirectoryArgument.SweepId();
        var metrics = new Option<string[]>("--metrics")
        {
            Description = "Metric keys to model (repeatable or comma-separated); default: Hu et al.'s 14 weight statistics, weight-statistics.all.*.",
            AllowMultipleArgumentsPerToken = true,
        };
        var states = new Option<string>("--states") { Description = "State counts to try: N or MIN..MAX.", DefaultValueFactory = _ => "1..8" };
        var restarts = new Option<int>("--restarts") { Description = "EM restarts per state count; the best training likelihood is kept.", DefaultValueFactory = _ => 5 };
        var holdout = new Option<double>("--holdout-fraction") { Description = "Share of runs held out to choose the state count.", DefaultValueFactory = _ => 0.25 };
        var standardize = new Option<Standardization>("--standardize") { Description = "z-score each run on its own (PerRun, as Hu et al.) or all runs together (Pooled).", DefaultValueFactory = _ => Standardization.PerRun };
        var seed = new Option<int>("--seed") { Description = "Seeds the held-out split and the EM initializations.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print dynamics.json's content instead of tables." };
        var command = new Command("dynamics", """
            Fit Gaussian HMMs (diagonal covariance) to the weight metrics of a sweep's runs (Hu et al. 2023, "Latent State
            Models of Training Dynamics"): choose the state count by held-out BIC, decode each run's state path, draw the
            training map and find detour states that slow convergence. Writes dynamics.json and the sweep's report.html.
            The runs need the weight-statistics measure; measure stored checkpoints with `grokdsl measure` if they lack it.

            Examples:
              grokdsl dynamics runs/hu-2023
              grokdsl dynamics runs/hu-2023 --metrics weight-statistics.all.weight_variance,weight-statistics.all.l1,weight-statistics.all.l2
              grokdsl dynamics runs/hu-2023 --states 2..6 --restarts 10 --holdout-fraction 0.2
            """)
        {
            sweep, sweepId, metrics, states, restarts, holdout, standardize, seed, json,
        };
        command.SetAction(result => Execute(
            result.GetValue(sweep)!, result.GetValue(sweepId), result.GetValue(metrics) ?? [], result.GetValue(states)!, result.GetValue(restarts),
            result.GetValue(holdout), result.GetValue(standardize), result.GetValue(seed), result.GetValue(json)));
        return command;
    }

    static int Execute(string sweepDir, string? sweepId, string[] metricArgs, string stateRange, int restarts, double holdout, Standardization standardize, int seed, bool json)
    {
        if (SweepDirectoryArgument.Runs(sweepDir, sweepId) is not ({ } directories, var manifest)) return ExitCodes.InvalidExperiment;
        if (ParseStates(stateRange) is not { } range)
        {
            Console.Error.WriteLine($"error: --states {stateRange}: give N or MIN..MAX with 1 ≤ MIN ≤ MAX, e.g. 1..8");
            return ExitCodes.InvalidExperiment;
        }
        if (restarts < 1)
        {
            Console.Error.WriteLine("error: --restarts must be at least 1");
            return ExitCodes.InvalidExperiment;
        }
        var metrics = metricArgs.SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (metrics.Count == 0) metrics = [.. DynamicsOptions.HuBaseMetrics];

        DynamicsResult analysis;
        try
        {
            var (runs, skipped) = SweepTrajectories.Load(directories, metrics);
            foreach (var reason in skipped) Console.Error.WriteLine($"warning: left out {reason}");
            analysis = DynamicsAnalysis.Analyse(runs, metrics, new DynamicsOptions(range.Min, range.Max, holdout, standardize, new HmmFitOptions(Restarts: restarts, Seed: seed)));
        }
        catch (DynamicsInputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidExperiment;
        }
        var sweepPath = Path.GetFullPath(sweepDir);
        var file = DynamicsFile.Write(sweepPath, manifest?.SweepId, analysis);
        var report = ReportCommand.RenderSweep(sweepPath, manifest);
        if (json) Console.WriteLine(JsonSerializer.Serialize(analysis, RunJson.Indented));
        else Print(analysis);
        Console.WriteLine($"dynamics: {file}");
        Console.WriteLine($"report: {report.ReportPath}");
        return ExitCodes.Ok;
    }

    static (int Min, int Max)? ParseStates(string text)
    {
        var parts = text.Split("..");
        var ok = parts.Length switch
        {
            1 => int.TryParse(parts[0], CultureInfo.InvariantCulture, out var n) ? (n, n) : ((int, int)?)null,
            2 => int.TryParse(parts[0], CultureInfo.InvariantCulture, out var a) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var b) ? (a, b) : null,
            _ => null,
        };
        return ok is var (min, max) && min >= 1 && max >= min ? (min, max) : null;
    }

    static void Print(DynamicsResult result)
    {
        var selection = new Table().Title("model selection (held-out runs)").AddColumns("states", "held-out log L", "AIC", "BIC", "parameters", "converged");
        foreach (var score in result.ModelSelection)
            selection.AddRow(
                (score.States == result.ChosenStates ? "[bold]" + score.States + " ←[/]" : score.States.ToString(CultureInfo.InvariantCulture)),
                F(score.HeldOutLogLikelihood), F(score.Aic), F(score.Bic), score.Parameters.ToString(CultureInfo.InvariantCulture), score.Converged ? "yes" : "no");
        TablePrinter.Print(selection);

        var states = new Table().Title($"{result.ChosenStates} states").AddColumns("state", "occupancy", "runs visiting", "mean position", "detour", "effect on convergence (steps)", "p");
        foreach (var effect in result.StateEffects)
        {
            var state = result.Map.States[effect.State];
            states.AddRow(
                effect.State.ToString(CultureInfo.InvariantCulture), state.Occupancy.ToString("P0", CultureInfo.InvariantCulture),
                $"{effect.RunsVisiting} of {effect.Runs}", state.MeanPosition.ToString("0.00", CultureInfo.InvariantCulture), state.Detour ? "yes" : "no",
                effect.Coefficient is { } c ? c.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture) : "-",
                effect.P is { } p ? p.ToString("0.0000", CultureInfo.InvariantCulture) : "-");
        }
        TablePrinter.Print(states);
    }

    static string F(double value) => value.ToString("#,0.0", CultureInfo.InvariantCulture);
}
