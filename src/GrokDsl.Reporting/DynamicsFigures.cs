using System.Text.Json.Nodes;
using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Reporting;

/// <summary>
/// The sweep report's training-dynamics charts, from dynamics.json: the model-selection curve, the training map,
/// each run's state timeline, and test accuracy coloured by state.
/// </summary>
static class DynamicsFigures
{
    public static ReportFigure ModelSelection(DynamicsResult result)
    {
        var states = result.ModelSelection.Select(s => s.States).ToList();
        var logLikelihood = Trace("held-out log-likelihood", FigureStyle.SeriesColor(0), states, result.ModelSelection.Select(s => s.HeldOutLogLikelihood), "y");
        var bic = Trace("BIC (right axis)", FigureStyle.SeriesColor(1), states, result.ModelSelection.Select(s => s.Bic), "y2");
        var aic = Trace("AIC (right axis)", FigureStyle.SeriesColor(2), states, result.ModelSelection.Select(s => s.Aic), "y2");
        aic["line"]!["dash"] = "dot";
        var xAxis = new JsonObject { ["title"] = FigureStyle.Title("number of states"), ["dtick"] = 1, ["gridcolor"] = FigureStyle.GridColor };
        var layout = FigureStyle.Layout(360, xAxis, new JsonObject { ["title"] = FigureStyle.Title("log-likelihood ↑") }, showLegend: true,
            shapes: [FigureStyle.MarkerLine(result.ChosenStates, FigureStyle.GrokkedColor, "chosen", "left")]);
        layout["yaxis2"] = new JsonObject { ["title"] = FigureStyle.Title("AIC / BIC ↓"), ["overlaying"] = "y", ["side"] = "right", ["showgrid"] = false };
        layout["hovermode"] = "x unified";
        layout["margin"]!["r"] = 72;
        return new ReportFigure("chart-dynamics-selection", $"Model selection (chosen: {result.ChosenStates} states, lowest held-out BIC)", FigureStyle.Figure([logLikelihood, bic, aic], layout));
    }

    /// <summary>
    /// States placed left to right by where training occupies them (mean position), detours lifted off the main
    /// line; marker area follows occupancy; edges are drawn as lines whose width follows the transition probability.
    /// </summary>
    public static ReportFigure Map(DynamicsResult result)
    {
        var states = result.Map.States;
        var y = states.Select(s => s.Detour ? 1.0 + 0.25 * (s.State % 2) : 0.0).ToArray();
        var traces = new List<JsonObject>();
        foreach (var edge in result.Map.Edges.Where(e => e.From != e.To))
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["x"] = new JsonArray(states[edge.From].MeanPosition, states[edge.To].MeanPosition),
                ["y"] = new JsonArray(y[edge.From], y[edge.To]),
                ["line"] = new JsonObject { ["color"] = FigureStyle.Translucent("#6b7280", 0.35 + 0.6 * edge.Probability), ["width"] = 1 + 9 * edge.Probability },
                ["hoverinfo"] = "skip",
                ["showlegend"] = false,
            });
        var text = new JsonArray([.. states.Select(s => JsonValue.Create(
            $"state {s.State}<br>occupancy {s.Occupancy:P0}<br>{s.RunsVisiting} of {result.Runs.Count} runs<br>stay {result.Model.Transition[s.State][s.State]:0.000}" +
            (s.Detour ? "<br>detour" : "")))]);
        traces.Add(new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers+text",
            ["x"] = new JsonArray([.. states.Select(s => JsonValue.Create(s.MeanPosition))]),
            ["y"] = new JsonArray([.. y.Select(v => JsonValue.Create(v))]),
            ["text"] = new JsonArray([.. states.Select(s => JsonValue.Create(s.State.ToString(System.Globalization.CultureInfo.InvariantCulture)))]),
            ["textposition"] = "middle center",
            ["textfont"] = new JsonObject { ["color"] = "#ffffff", ["size"] = 13 },
            ["hovertext"] = text,
            ["hoverinfo"] = "text",
            ["marker"] = new JsonObject
            {
                ["size"] = new JsonArray([.. states.Select(s => JsonValue.Create(18 + 60 * Math.Sqrt(s.Occupancy)))]),
                ["color"] = new JsonArray([.. states.Select(s => JsonValue.Create(StateColor(s.State)))]),
                ["line"] = new JsonObject { ["color"] = "#ffffff", ["width"] = 2 },
            },
            ["showlegend"] = false,
        });
        var xAxis = new JsonObject { ["title"] = FigureStyle.Title("mean position in training (0 = first checkpoint, 1 = last)"), ["range"] = new JsonArray(-0.08, 1.08), ["gridcolor"] = FigureStyle.GridColor };
        var yAxis = new JsonObject { ["visible"] = false, ["range"] = new JsonArray(-0.6, 1.8) };
        var layout = FigureStyle.Layout(320, xAxis, yAxis, showLegend: false);
        layout["hovermode"] = "closest";
        return new ReportFigure("chart-dynamics-map", "Training map (marker area: occupancy; line width: transition probability; raised: detour states)", FigureStyle.Figure(traces, layout));
    }

    /// <summary>One row per run, one cell per measured checkpoint, coloured by its decoded state.</summary>
    public static ReportFigure Timelines(DynamicsResult result)
    {
        var k = result.ChosenStates;
        var runs = result.Runs.OrderBy(r => r.ConvergedAtStep).ToList();
        var steps = runs.SelectMany(r => r.Steps).Distinct().Order().ToList();
        var column = steps.Select((step, i) => (step, i)).ToDictionary(p => p.step, p => p.i);
        var z = new JsonArray();
        foreach (var run in runs)
        {
            var row = new JsonValue?[steps.Count];
            for (var t = 0; t < run.Steps.Count; t++) row[column[run.Steps[t]]] = JsonValue.Create(run.States[t]);
            z.Add(new JsonArray([.. row]));
        }
        // A discrete colour scale: state i gets the band [i/k, (i+1)/k].
        var scale = new JsonArray();
        for (var i = 0; i < k; i++)
        {
            scale.Add(new JsonArray((double)i / k, StateColor(i)));
            scale.Add(new JsonArray((double)(i + 1) / k, StateColor(i)));
        }
        var heatmap = new JsonObject
        {
            ["type"] = "heatmap",
            ["x"] = new JsonArray([.. steps.Select(s => JsonValue.Create(s))]),
            ["y"] = new JsonArray([.. runs.Select(r => JsonValue.Create(r.RunId + (r.Converged ? "" : " (censored)")))]),
            ["z"] = z,
            ["zmin"] = -0.5,
            ["zmax"] = k - 0.5,
            ["colorscale"] = scale,
            ["colorbar"] = new JsonObject { ["title"] = FigureStyle.Title("state"), ["tickvals"] = new JsonArray([.. Enumerable.Range(0, k).Select(i => JsonValue.Create(i))]) },
            ["hovertemplate"] = "%{y}<br>step %{x:,d}: state %{z}<extra></extra>",
        };
        var grokMarks = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["name"] = "grokked",
            ["x"] = new JsonArray([.. runs.Where(r => r.Converged).Select(r => JsonValue.Create(r.ConvergedAtStep))]),
            ["y"] = new JsonArray([.. runs.Where(r => r.Converged).Select(r => JsonValue.Create(r.RunId))]),
            ["marker"] = new JsonObject { ["symbol"] = "line-ns-open", ["size"] = 14, ["color"] = "#111827", ["line"] = new JsonObject { ["width"] = 2 } },
            ["hovertemplate"] = "grokked at step %{x:,d}<extra></extra>",
        };
        var layout = FigureStyle.Layout(Math.Clamp(80 + 18 * runs.Count, 240, 900), FigureStyle.LogStepAxis(),
            new JsonObject { ["title"] = FigureStyle.Title("run (fastest to converge first)"), ["automargin"] = true }, showLegend: false);
        layout["hovermode"] = "closest";
        return new ReportFigure("chart-dynamics-timelines", "State timelines (| marks the grokking step)", FigureStyle.Figure([heatmap, grokMarks], layout));
    }

    /// <summary>Test accuracy of every run at its measured checkpoints, one colour per decoded state.</summary>
    public static ReportFigure AccuracyByState(DynamicsResult result, IReadOnlyDictionary<string, LoadedRun> runs)
    {
        var traces = new List<JsonObject>();
        for (var state = 0; state < result.ChosenStates; state++)
        {
            var x = new JsonArray();
            var y = new JsonArray();
            foreach (var path in result.Runs)
            {
                if (!runs.TryGetValue(path.RunId, out var run)) continue;
                var accuracy = run.Metrics.Where(m => m.TestAccuracy is not null).GroupBy(m => m.Step).ToDictionary(g => g.Key, g => g.Last().TestAccuracy!.Value);
                for (var t = 0; t < path.Steps.Count; t++)
                    if (path.States[t] == state && accuracy.TryGetValue(path.Steps[t], out var value))
                    {
                        x.Add(path.Steps[t]);
                        y.Add(FigureJson.Number(value));
                    }
            }
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = $"state {state}",
                ["x"] = x,
                ["y"] = y,
                ["marker"] = new JsonObject { ["color"] = StateColor(state), ["size"] = 5, ["opacity"] = 0.75 },
                ["hovertemplate"] = $"state {state}: %{{y:.1%}} at step %{{x:,d}}<extra></extra>",
            });
        }
        var yAxis = new JsonObject { ["title"] = FigureStyle.Title("test accuracy"), ["tickformat"] = ".0%", ["range"] = new JsonArray(-0.02, 1.04) };
        var layout = FigureStyle.Layout(380, FigureStyle.LogStepAxis(), yAxis, showLegend: true);
        layout["hovermode"] = "closest";
        return new ReportFigure("chart-dynamics-accuracy", "Test accuracy by latent state", FigureStyle.Figure(traces, layout));
    }

    static string StateColor(int state) => FigureStyle.SeriesColor(state);

    static JsonObject Trace(string name, string color, IReadOnlyList<int> x, IEnumerable<double> y, string axis) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines+markers",
        ["name"] = name,
        ["x"] = new JsonArray([.. x.Select(v => JsonValue.Create(v))]),
        ["y"] = new JsonArray([.. y.Select(v => FigureJson.Number(v))]),
        ["yaxis"] = axis,
        ["line"] = new JsonObject { ["color"] = color, ["width"] = 2 },
        ["hovertemplate"] = "%{y:,.1f}",
    };
}
