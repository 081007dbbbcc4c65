namespace GrokDsl.Analysis.Dynamics;

/// <summary>A run's decoded state path.</summary>
public sealed record RunStatePath(string RunId, bool HeldOut, IReadOnlyList<long> Steps, IReadOnlyList<int> States, long ConvergedAtStep, bool Converged);

/// <summary>Everything <c>grokdsl dynamics</c> writes to dynamics.json.</summary>
public sealed record DynamicsResult(
    IReadOnlyList<string> Metrics,
    Standardization Standardization,
    IReadOnlyList<StateCountScore> ModelSelection,
    int ChosenStates,
    GaussianHmm Model,
    TrainingMap Map,
    IReadOnlyList<RunStatePath> Runs,
    IReadOnlyList<StateEffect> StateEffects)
{
    public IEnumerable<StateEffect> Detours => StateEffects.Where(e => Map.States[e.State].Detour);
}

/// <summary>
/// Hu et al. (2023)'s pipeline over a sweep's runs: standardize each run's metric trajectory, choose the number of
/// states on held-out runs, refit that count on every run, decode each run (Viterbi), draw the training map, and
/// regress convergence time on which states a run visits. States are numbered in the order training reaches them
/// (by mean position), so state 0 is where runs start.
/// </summary>
public static class DynamicsAnalysis
{
    /// <summary>Runs needed: two to fit on and one to hold out, plus one so that a detour can be told from the rest.</summary>
    public const int MinimumRuns = 4;

    public static DynamicsResult Analyse(IReadOnlyList<RunTrajectory> runs, IReadOnlyList<string> metrics, DynamicsOptions options)
    {
        if (runs.Count < MinimumRuns)
            throw new DynamicsInputException($"{runs.Count} run{(runs.Count == 1 ? "" : "s")} with the metrics; the dynamics models need at least {MinimumRuns} (more seeds of the same configuration: add [Sweep] values to Seed).");
        if (options.MinStates < 1 || options.MaxStates < options.MinStates)
            throw new DynamicsInputException($"state counts {options.MinStates}..{options.MaxStates}: give 1 ≤ min ≤ max.");
        if (options.HoldoutFraction is < 0 or >= 1)
            throw new DynamicsInputException($"holdout fraction {options.HoldoutFraction}: give a value in [0, 1).");
        foreach (var run in runs.Where(r => r.Rows.Count < 2))
            throw new DynamicsInputException($"run {run.RunId} has {run.Rows.Count} measured checkpoint{(run.Rows.Count == 1 ? "" : "s")}; a trajectory needs at least 2.");

        var standardized = TrajectoryScaling.Standardize(runs, options.Standardization);
        var heldOut = HeldOutRuns(runs.Count, options.HoldoutFraction, options.FitOptions.Seed);
        var training = Enumerable.Range(0, runs.Count).Where(i => !heldOut.Contains(i)).Select(i => standardized[i]).ToList();
        var scoring = heldOut.Order().Select(i => standardized[i]).ToList();
        var (scores, chosen) = HmmSelection.Select(
            training, scoring, Enumerable.Range(options.MinStates, options.MaxStates - options.MinStates + 1), options.FitOptions);

        var model = HmmFitting.Fit(standardized, chosen, options.FitOptions).Model;
        var paths = standardized.Select(model.Viterbi).ToList();
        (model, paths) = InTrainingOrder(model, paths);

        var map = TrainingMap.From(model, paths);
        var convergence = runs.Select(r => (double)r.ConvergedAtStep).ToList();
        var effects = Enumerable.Range(0, model.States)
            .Select(state => DetourRegression.Fit(state, [.. paths.Select(p => p.Contains(state))], convergence))
            .ToList();
        var decoded = runs.Select((run, i) => new RunStatePath(run.RunId, heldOut.Contains(i), run.Steps, paths[i], run.ConvergedAtStep, run.Converged)).ToList();
        return new DynamicsResult(metrics, options.Standardization, scores, chosen, model, map, decoded, effects);
    }

    /// <summary>A seeded shuffle picks the held-out runs; at least one when the fraction is positive, and never so many that fewer than two remain to fit on.</summary>
    static HashSet<int> HeldOutRuns(int runs, double fraction, int seed)
    {
        if (fraction <= 0) return [];
        var count = Math.Clamp((int)Math.Ceiling(fraction * runs), 1, runs - 2);
        var order = Enumerable.Range(0, runs).ToArray();
        new Random(seed).Shuffle(order);
        return [.. order.Take(count)];
    }

    static (GaussianHmm, List<int[]>) InTrainingOrder(GaussianHmm model, List<int[]> paths)
    {
        var position = new double[model.States];
        var count = new int[model.States];
        foreach (var path in paths)
            for (var t = 0; t < path.Length; t++)
            {
                position[path[t]] += path.Length > 1 ? t / (double)(path.Length - 1) : 0;
                count[path[t]]++;
            }
        // States no run occupies go last, in their fitted order.
        var order = Enumerable.Range(0, model.States)
            .OrderBy(i => count[i] == 0).ThenBy(i => count[i] > 0 ? position[i] / count[i] : 0).ThenBy(i => i).ToArray();
        var rank = new int[model.States];
        for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
        var permuted = new GaussianHmm(
            [.. order.Select(i => model.Start[i])],
            [.. order.Select(i => order.Select(j => model.Transition[i][j]).ToArray())],
            [.. order.Select(i => model.Means[i])],
            [.. order.Select(i => model.Variances[i])]);
        return (permuted, [.. paths.Select(p => p.Select(s => rank[s]).ToArray())]);
    }
}
