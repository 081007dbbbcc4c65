using static GrokDsl.Analyzers.Tests.AnalyzerTest;

namespace GrokDsl.Analyzers.Tests.Rules;

public sealed class SweptPropertyUnreadAnalyzerTests
{
    [Fact]
    public Task ReportsASweptPropertyNothingReads() => VerifyAsync<SweptPropertyUnreadAnalyzer>($$"""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
        {{Components}}
            [[|Sweep(1, 2, 3)|]] public int Unused { get; init; }
        }
        """);

    [Fact]
    public Task AcceptsSweepsOverWhatTheRunReceives_OrWhatAnotherMemberReads() => VerifyAsync<SweptPropertyUnreadAnalyzer>("""
        namespace Lab;

        [Experiment("x", Source = "s")]
        public sealed partial record Sweeping
        {
            [Sweep(0.3, 0.5)] public double Fraction { get; init; }
            public ModularArithmetic Data => new() { TrainFraction = Fraction };
            [Sweep(64, 128)] public int Width { get; init; }
            public Mlp Model => new() { HiddenWidth = Width };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            [Sweep(0, 1)] public int Seed { get; init; }
            [Sweep(100, 200)] public int Budget { get; init; }
            public Stopping Stopping => new() { MaxSteps = Budget };
        }
        """);
}
