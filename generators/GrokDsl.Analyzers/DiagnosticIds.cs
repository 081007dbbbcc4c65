namespace GrokDsl.Analyzers;

/// <summary>
/// Every diagnostic id GrokDsl reports, named for its meaning. Ids are never reused; each has a page
/// at docs/diagnostics/GROKnnnn.md (a test keeps the two in step).
/// </summary>
public static class DiagnosticIds
{
    public const string GROK0001ExperimentMustBePartialRecord = "GROK0001";
    public const string GROK0002DuplicateExperimentId = "GROK0002";
    public const string GROK0003ExperimentMissingComponent = "GROK0003";
    public const string GROK0004SweepPropertyNotSettable = "GROK0004";
    public const string GROK0005SweepValueTypeMismatch = "GROK0005";
    public const string GROK0006SweepWithoutValues = "GROK0006";
    public const string GROK0007WeightDecayIsZero = "GROK0007";
    public const string GROK0008ExperimentSourceMissing = "GROK0008";
    public const string GROK0009OptionValueOutOfRange = "GROK0009";
    public const string GROK0010ZippedSweepAxesDifferInLength = "GROK0010";
    public const string GROK0011SweepExclusionShape = "GROK0011";
    public const string GROK0012OptionNotDivisible = "GROK0012";
    public const string GROK0013UnknownMeasureId = "GROK0013";
    public const string GROK0014InvalidId = "GROK0014";
    public const string GROK0015SweepTooLarge = "GROK0015";
    public const string GROK0016SweptPropertyUnread = "GROK0016";
}
