namespace GrokDsl;

/// <summary>
/// One number of a paper and how GrokDsl measures it: PASS when the measured value lies in
/// [<paramref name="Low"/>, <paramref name="High"/>], MISS otherwise.
/// </summary>
/// <param name="Quantity">What is compared, in words: "steps to 95 % test accuracy, EMA".</param>
/// <param name="Measure">How the number is computed from the variant's runs.</param>
/// <param name="PaperValue">The paper's number; NaN where the paper states the effect in words only ("long after").</param>
/// <param name="Low">The band's lower end (inclusive).</param>
/// <param name="High">The band's upper end (inclusive); +∞ for a band open above.</param>
/// <param name="Source">Where in the paper: "Table 3", "Fig. 1".</param>
public sealed record ReproductionTarget(string Quantity, TargetQuantity Measure, double PaperValue, double Low, double High, string Source)
{
    public bool Accepts(double measured) => measured >= Low && measured <= High;
}

/// <summary>Some of a variant's runs, chosen by their typed configuration (e.g. one cell of a sweep).</summary>
/// <param name="Description">The selection in words, for the table: "Filter = ema".</param>
public sealed record RunSelector(string Description, Func<IExperiment, bool> Matches)
{
    public static RunSelector All { get; } = new("all runs", _ => true);

    /// <summary>The runs of experiment type <typeparamref name="T"/> that satisfy <paramref name="predicate"/>.</summary>
    public static RunSelector Where<T>(string description, Func<T, bool> predicate) where T : IExperiment =>
        new(description, experiment => experiment is T typed && predicate(typed));
}

/// <summary>How a target's number is computed from runs. Steps are medians over the selected runs.</summary>
public abstract record TargetQuantity(RunSelector Runs);

/// <summary>The median grokking step (Kaplan–Meier over censored runs; unknown when half or more never grok).</summary>
public sealed record GrokkingStep(RunSelector Runs) : TargetQuantity(Runs);

/// <summary>The fraction of the selected runs that grokked within their budget.</summary>
public sealed record FractionGrokked(RunSelector Runs) : TargetQuantity(Runs);

/// <summary>The median grokking step of <paramref name="Baseline"/> over that of the selected runs: how many times sooner they grok.</summary>
public sealed record GrokkingSpeedup(RunSelector Baseline, RunSelector Runs) : TargetQuantity(Runs);

/// <summary>
/// The median over the selected runs of the first evaluated step at which <paramref name="Metric"/> falls below
/// <paramref name="Threshold"/>: "testLoss", "trainLoss", a named split's "splits.&lt;name&gt;.loss", or a measure key such as
/// "excluded-loss.value".
/// A run where it never does counts as censored at its last step.
/// </summary>
public sealed record FirstStepBelow(string Metric, double Threshold, RunSelector Runs) : TargetQuantity(Runs);

/// <summary>
/// The median grokking step of the selected runs over the median first evaluated step at which <paramref name="Metric"/>
/// reaches <paramref name="Threshold"/> (e.g. "splits.in-distribution.accuracy" at 0.95): how many times later the test
/// split groks than that metric saturates. Both medians are Kaplan–Meier medians over censored runs.
/// </summary>
public sealed record GrokkingDelay(string Metric, double Threshold, RunSelector Runs) : TargetQuantity(Runs);

/// <summary>The median over the selected runs of <paramref name="Metric"/>'s last recorded value ("testAccuracy", a named split's "splits.&lt;name&gt;.accuracy", or a measure key).</summary>
public sealed record FinalValue(string Metric, RunSelector Runs) : TargetQuantity(Runs);
