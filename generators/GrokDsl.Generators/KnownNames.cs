namespace GrokDsl.Generators;

/// <summary>Metadata names of the DSL types the generator recognizes, in one place.</summary>
internal static class KnownNames
{
    public const string ExperimentAttribute = "GrokDsl.ExperimentAttribute";
    public const string SweepAttribute = "GrokDsl.SweepAttribute";
    public const string SweepRangeAttribute = "GrokDsl.SweepRangeAttribute";
    public const string SweepLogRangeAttribute = "GrokDsl.SweepLogRangeAttribute";
    public const string SweepExclusionAttribute = "GrokDsl.SweepExclusionAttribute";
    public const string ComponentAttribute = "GrokDsl.ComponentAttribute";
    public const string OptimizerOptions = "GrokDsl.OptimizerOptions";
    public const string Training = "GrokDsl.Training";
    public const string Stopping = "GrokDsl.Stopping";
    public const string SeedProperty = "Seed";
    public const string MeasuresProperty = "Measures";
}
