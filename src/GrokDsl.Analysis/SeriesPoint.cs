namespace GrokDsl.Analysis;

/// <summary>One value of a metric at one step.</summary>
public readonly record struct SeriesPoint(long Step, double Value);
