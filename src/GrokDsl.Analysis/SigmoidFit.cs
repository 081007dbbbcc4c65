namespace GrokDsl.Analysis;

/// <summary>
/// y(x) = Lower + (Upper − Lower) / (1 + exp(−Rate·(x − Midpoint))), fitted by least squares. On the
/// log-step axis x = log10(step), so Midpoint is in decades and Rate per decade.
/// </summary>
/// <param name="Rate">The logistic rate k; larger is sharper.</param>
/// <param name="RootMeanSquareError">√(mean squared residual) at the solution.</param>
public sealed record SigmoidFit(
    double Lower, double Upper, double Rate, double Midpoint, double RootMeanSquareError, int Iterations, bool Converged)
{
    /// <summary>10^Midpoint: the step at which the curve is halfway.</summary>
    public double MidpointStep => Math.Pow(10, Midpoint);

    /// <summary>The largest slope dy/dx, at the midpoint: Rate·(Upper − Lower)/4 (per decade on the log-step axis).</summary>
    public double MaxSlope => Rate * (Upper - Lower) / 4;

    public double Evaluate(double x) => Lower + (Upper - Lower) / (1 + Math.Exp(-Rate * (x - Midpoint)));
}
