using GrokDsl.Contracts;
using static TorchSharp.torch;

namespace GrokDsl.Fixtures;

/// <summary>Options bound across the plugin boundary, as a real measure's would be.</summary>
public sealed class RevisionOptions
{
    public double Scale { get; set; } = 1;
}

/// <summary>
/// "fixture-measure": reports which build of the plugin computed it ("revision") and a value that
/// depends on the model ("parameters"), so tests can see which version a run used.
/// </summary>
public sealed class RevisionMeasureProvider : IMeasureProvider
{
#if THROWING_CONSTRUCTOR
    public RevisionMeasureProvider() => throw new InvalidOperationException("the fixture refuses to construct");
#endif

    public string Id => "fixture-measure";

    public IProgressMeasure Create(ComponentOptions options) => new RevisionMeasure(options.Bind<RevisionOptions>());

    sealed class RevisionMeasure(RevisionOptions options) : IProgressMeasure
    {
        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            using var scope = NewDisposeScope();
            var parameters = context.Model.parameters().Sum(p => p.numel());
            return new Dictionary<string, double>
            {
                ["revision"] = Revision.Number * options.Scale,
                ["parameters"] = parameters,
            };
        }
    }
}

static class Revision
{
#if REVISION_2
    public const int Number = 2;
#else
    public const int Number = 1;
#endif
}

/// <summary>Needs the private dependency to load: without FixtureSupport.dll, GetTypes fails.</summary>
sealed class RevisionLabel : Support.Label
{
    public override string Text => $"revision {Revision.Number}";
}
