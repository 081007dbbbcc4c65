using GrokDsl.Contracts;

namespace GrokDsl.Fixtures;

/// <summary>"fixture-throwing-measure": measures at step 0, throws from step 10 on, like a measure with a bug.</summary>
public sealed class ThrowingMeasureProvider : IMeasureProvider
{
    public const string Failure = "fixture measure fails from step 10";

    public string Id => "fixture-throwing-measure";

    public IProgressMeasure Create(ComponentOptions options) => new ThrowingMeasure();

    sealed class ThrowingMeasure : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context) =>
            context.Step >= 10 ? throw new InvalidOperationException(Failure) : new Dictionary<string, double> { ["ok"] = 1 };
    }
}
