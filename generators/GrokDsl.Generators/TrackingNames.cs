namespace GrokDsl.Generators;

/// <summary>Names of the generator's pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string ExperimentSpecs = nameof(ExperimentSpecs);
    public const string ValidExperimentSpecs = nameof(ValidExperimentSpecs);
}
