using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

public sealed class DynamicsAnalysisTests
{
    // Runs move through levels of one metric pair: start (0, 0) → end (4, 4); the slow half passes through a
    // detour level (4, 0) for 30 checkpoints and converges 3,000 steps later.
    static List<RunTrajectory> Runs(int count)
    {
        var random = new Random(4);
        var runs = new List<RunTrajectory>();
        for (var r = 0; r < count; r++)
        {
            var slow = r % 2 == 1;
            var rows = new List<double[]>();
            void Phase(int length, double a, double b)
            {
                for (var t = 0; t < length; t++) rows.Add([a + 0.2 * (random.NextDouble() - 0.5), b + 0.2 * (random.NextDouble() - 0.5)]);
            }
            Phase(30, 0, 0);
            if (slow) Phase(30, 4, 0);
            Phase(30, 4, 4);
            var converged = slow ? 6000 + 100 * r : 3000 + 100 * r;
            runs.Add(new RunTrajectory($"run{r}", [.. Enumerable.Range(0, rows.Count).Select(i => (long)i * 100)], rows, converged, true));
        }
        return runs;
    }

    [Fact]
    public void Finds_the_detour_that_slow_runs_take_and_its_cost()
    {
        var result = DynamicsAnalysis.Analyse(Runs(10), ["a", "b"], new DynamicsOptions(MaxStates: 5, Standardization: Standardization.Pooled, Fit: new HmmFitOptions(Restarts: 3)));

        Assert.Equal(3, result.ChosenStates);
        // States are numbered in training order: start, detour, end.
        Assert.Equal([false, true, false], result.Map.States.Select(s => s.Detour));
        var detour = Assert.Single(result.Detours);
        Assert.Equal(1, detour.State);
        Assert.Equal(5, detour.RunsVisiting);
        // Slow runs converge at 6000 + 100r for odd r (mean 6500), fast ones at 3000 + 100r for even r (mean 3400).
        Assert.Equal(3100, detour.Coefficient!.Value, 6);
        Assert.True(detour.P < 1e-6);
        Assert.All(result.Runs.Where((_, i) => i % 2 == 0), run => Assert.DoesNotContain(1, run.States));
        Assert.Equal(3, result.Runs.Count(r => r.HeldOut)); // ⌈0.25 · 10⌉
    }

    [Fact]
    public void Too_few_runs_are_refused_with_what_to_do()
    {
        var error = Assert.Throws<DynamicsInputException>(() => DynamicsAnalysis.Analyse(Runs(3), ["a", "b"], new DynamicsOptions()));

        Assert.Contains("at least 4", error.Message);
        Assert.Contains("Seed", error.Message);
    }

    [Fact]
    public void Per_run_standardization_maps_a_constant_metric_to_zero_not_NaN()
    {
        var run = new RunTrajectory("r", [0, 1, 2], [[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]], 2, true);

        var scaled = TrajectoryScaling.Standardize([run], Standardization.PerRun).Single();

        Assert.Equal([-Math.Sqrt(1.5), 0, Math.Sqrt(1.5)], scaled.Select(row => row[0]), new ToleranceComparer(1e-12));
        Assert.All(scaled, row => Assert.Equal(0.0, row[1]));
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
