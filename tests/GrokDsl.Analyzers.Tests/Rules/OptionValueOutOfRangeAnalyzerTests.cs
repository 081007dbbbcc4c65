using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class OptionValueOutOfRangeAnalyzerTests
{
    [Theory]
    [InlineData("new ModularArithmetic { TrainFraction = [|1.4|] }", "'ModularArithmetic.TrainFraction' is 1.4 but must be in (0, 1)")]
    [InlineData("new ModularArithmetic { TrainFraction = [|0|] }", "'ModularArithmetic.TrainFraction' is 0 but must be in (0, 1)")]
    [InlineData("new ModularArithmetic { TrainFraction = [|1|] }", "'ModularArithmetic.TrainFraction' is 1 but must be in (0, 1)")]
    [InlineData("new ModularArithmetic { Modulus = [|1|] }", "'ModularArithmetic.Modulus' is 1 but must be >= 2")]
    [InlineData("new AdamW { WeightDecay = 1, LearningRate = [|0|] }", "'AdamW.LearningRate' is 0 but must be > 0")]
    [InlineData("new AdamW { WeightDecay = 1, LearningRate = [|-1e-3|] }", "'AdamW.LearningRate' is -0.001 but must be > 0")]
    [InlineData("new Mlp { HiddenWidth = [|0|] }", "'Mlp.HiddenWidth' is 0 but must be >= 1")]
    [InlineData("new Mlp { EmbeddingWidth = [|-8|] }", "'Mlp.EmbeddingWidth' is -8 but must be >= 1")]
    [InlineData("new Training { EvaluateEvery = [|0|] }", "'Training.EvaluateEvery' is 0 but must be >= 1")]
    [InlineData("new Stopping { MaxSteps = [|0|] }", "'Stopping.MaxSteps' is 0 but must be >= 1")]
    [InlineData("Defaults with { TrainFraction = [|2 * Half + 1|] }", "'ModularArithmetic.TrainFraction' is 2 but must be in (0, 1)")]
    [InlineData("new ModularArithmetic { TrainFraction = [|double.NaN|] }", "'ModularArithmetic.TrainFraction' is NaN but must be in (0, 1)")]
    public async Task ReportsConstantsOutsideTheDeclaredRange(string creation, string message)
    {
        var source = Options(creation);
        await VerifyAsync<OptionValueOutOfRangeAnalyzer>(source);

        var diagnostic = Assert.Single(await RunAsync(new OptionValueOutOfRangeAnalyzer(), source.Replace("[|", "").Replace("|]", "")));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("new ModularArithmetic { TrainFraction = 0.3, Modulus = 2 }")]
    [InlineData("new AdamW { WeightDecay = 0, LearningRate = 1e-3 }")]
    [InlineData("new Mlp { HiddenWidth = 1, EmbeddingWidth = 512 }")]
    [InlineData("new Training { EvaluateEvery = 1 }")]
    [InlineData("new Stopping { MaxSteps = 1 }")]
    [InlineData("new ModularArithmetic { TrainFraction = Variable }")]
    public Task AcceptsValuesInRangeAndNonConstants(string creation) => VerifyAsync<OptionValueOutOfRangeAnalyzer>(Options(creation));

    [Fact]
    public Task ChecksPluginOptionRecords_AssignmentsAndDefaults() => VerifyAsync<OptionValueOutOfRangeAnalyzer>("""
        namespace Plugin;

        [Component(ComponentKind.Model, "transformer")]
        public sealed record Transformer
        {
            [Range(Min = 1, Max = 16)] public int Heads { get; init; } = [|0|];
            [Range(Max = 1, MaxExclusive = true)] public double Dropout { get; init; } = 0.1;
            public int Unchecked { get; init; } = -5;
        }

        public static class Presets
        {
            public static Transformer Big { get; } = new() { Heads = [|32|], Dropout = [|1|], Unchecked = -1 };
            public static Transformer Fine { get; } = new() { Heads = 16, Dropout = -3 };
        }
        """);

    static string Options(string creation) => $$"""
        namespace Lab;

        public static class Settings
        {
            const double Half = 0.5;
            static readonly ModularArithmetic Defaults = new();
            static double Variable => 7;

            public static object Value { get; } = {{creation}};
        }
        """;
}
