using GrokDsl.Analysis.Dynamics;

namespace GrokDsl.Measures.Tests.Analysis.Dynamics;

public sealed class DetourRegressionTests
{
    [Fact]
    public void Coefficient_is_the_difference_of_mean_convergence_steps_with_a_two_sided_t_test()
    {
        // Visitors converge at 1300, 1500, 1700 (mean 1500); the others at 900, 1000, 1100 (mean 1000).
        bool[] visited = [true, true, true, false, false, false];
        double[] steps = [1300, 1500, 1700, 900, 1000, 1100];

        var effect = DetourRegression.Fit(2, visited, steps);

        Assert.Equal(500, effect.Coefficient!.Value, 9);
        Assert.Equal(1000, effect.Intercept!.Value, 9);
        // Residual sum of squares (200² + 0 + 200²) + (100² + 0 + 100²) = 100,000 over 4 degrees of freedom;
        // Sxx = 1.5, so SE = √(25,000 / 1.5) = 129.10 and t = 500 / 129.10 = 3.873; two-sided p(t₄ ≥ 3.873) = 0.0179.
        Assert.Equal(3.8730, effect.T!.Value, 3);
        Assert.Equal(0.0179, effect.P!.Value, 3);
        Assert.Equal(3, effect.RunsVisiting);
    }

    [Fact]
    public void A_state_every_run_visits_has_no_effect_to_estimate()
    {
        var effect = DetourRegression.Fit(0, [true, true, true], [1, 2, 3]);

        Assert.Null(effect.Coefficient);
        Assert.Null(effect.P);
    }

    [Fact]
    public void A_perfect_separation_gives_no_infinite_t()
    {
        var effect = DetourRegression.Fit(1, [true, true, false, false], [2000, 2000, 1000, 1000]);

        Assert.Equal(1000, effect.Coefficient!.Value, 9);
        Assert.Null(effect.T);
        Assert.Null(effect.P);
    }
}
