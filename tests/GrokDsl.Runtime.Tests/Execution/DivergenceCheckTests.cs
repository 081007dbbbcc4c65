using GrokDsl.Runtime.Execution;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Execution;

public sealed class DivergenceCheckTests
{
    [Fact]
    public void FiniteLossesAndParametersAreNotADivergence()
    {
        using var model = nn.Linear(3, 2);
        Assert.Null(DivergenceCheck.Find(7, 0.5, 0.7, model));
    }

    [Fact]
    public void ANonFiniteParameterIsADivergenceEvenWhenTheLossesAreFinite()
    {
        using var model = nn.Linear(3, 2);
        using (no_grad()) model.bias!.index_put_(float.PositiveInfinity, 1);

        Assert.Equal("step 42: parameter bias is not finite", DivergenceCheck.Find(42, 0.5, 0.7, model));
    }

    [Theory]
    [InlineData(double.NaN, 0.1, "^step 3: train loss is NaN$")]
    [InlineData(0.1, double.PositiveInfinity, "^step 3: test loss is (∞|Infinity)$")]
    public void ANonFiniteLossIsNamedWithItsStep(double trainLoss, double testLoss, string expected)
    {
        using var model = nn.Linear(3, 2);
        Assert.Matches(expected, DivergenceCheck.Find(3, trainLoss, testLoss, model));
    }
}
