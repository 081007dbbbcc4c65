using Microsoft.CodeAnalysis;

namespace GrokDsl.Analyzers;

/// <summary>The descriptor of every GrokDsl diagnostic, in id order.</summary>
/// <remarks>
/// Fields with explicit <c>new DiagnosticDescriptor</c>: release tracking (RS2000-RS2008) does not see
/// descriptors created by target-typed <c>new</c> or in property initializers (dotnet/roslyn-analyzers#5957).
/// </remarks>
public static class DiagnosticDescriptors
{
    // The repository has no public home yet, so help links are repository-relative; change this one
    // constant when it gets one.
    const string HelpLinkBase = "docs/diagnostics/";

    public static readonly DiagnosticDescriptor ExperimentMustBePartialRecord = new DiagnosticDescriptor(
        DiagnosticIds.GROK0001ExperimentMustBePartialRecord,
        "Experiment must be a partial record",
        "Experiment '{0}' {1}; the generator only extends a non-generic partial record class declared in a namespace",
        DiagnosticCategories.Experiment,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0001ExperimentMustBePartialRecord));

    // Reported at compilation end (it needs every experiment), so IDEs show it on build rather than live.
    public static readonly DiagnosticDescriptor DuplicateExperimentId = new DiagnosticDescriptor(
        DiagnosticIds.GROK0002DuplicateExperimentId,
        "Experiment id is used twice",
        "Experiment id '{0}' is also used by '{1}'; ids name run folders and must be unique, ignoring case",
        DiagnosticCategories.Experiment,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0002DuplicateExperimentId),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ExperimentMissingComponent = new DiagnosticDescriptor(
        DiagnosticIds.GROK0003ExperimentMissingComponent,
        "Experiment lacks a dataset, model or optimizer",
        "Experiment '{0}' has no {1} property; add a public property whose type is {2}",
        DiagnosticCategories.Experiment,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0003ExperimentMissingComponent));

    public static readonly DiagnosticDescriptor SweepPropertyNotSettable = new DiagnosticDescriptor(
        DiagnosticIds.GROK0004SweepPropertyNotSettable,
        "Sweep property cannot be assigned",
        "[Sweep] property '{0}' must be a public instance property with a set or init accessor",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0004SweepPropertyNotSettable));

    public static readonly DiagnosticDescriptor SweepValueTypeMismatch = new DiagnosticDescriptor(
        DiagnosticIds.GROK0005SweepValueTypeMismatch,
        "Sweep value does not convert to the property type",
        "Sweep value {0} does not convert implicitly to '{1}', the type of '{2}'",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0005SweepValueTypeMismatch));

    public static readonly DiagnosticDescriptor SweepWithoutValues = new DiagnosticDescriptor(
        DiagnosticIds.GROK0006SweepWithoutValues,
        "Sweep has no values",
        "The sweep on '{0}' has no values; list the values the property takes, give a range that reaches its end, or remove the attribute",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0006SweepWithoutValues));

    public static readonly DiagnosticDescriptor WeightDecayIsZero = new DiagnosticDescriptor(
        DiagnosticIds.GROK0007WeightDecayIsZero,
        "Optimizer weight decay is zero",
        "Experiment '{0}' sets WeightDecay = 0; without weight decay grokking is much slower or absent, so suppress GROK0007 only for a deliberate no-decay control",
        DiagnosticCategories.Options,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0007WeightDecayIsZero));

    public static readonly DiagnosticDescriptor ExperimentSourceMissing = new DiagnosticDescriptor(
        DiagnosticIds.GROK0008ExperimentSourceMissing,
        "Experiment does not cite its source",
        "Experiment '{0}' does not say where its setup comes from; set Source to a paper, section or repository",
        DiagnosticCategories.Experiment,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0008ExperimentSourceMissing));

    public static readonly DiagnosticDescriptor OptionValueOutOfRange = new DiagnosticDescriptor(
        DiagnosticIds.GROK0009OptionValueOutOfRange,
        "Option value is out of range",
        "'{0}' is {1} but must be {2}",
        DiagnosticCategories.Options,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0009OptionValueOutOfRange));

    public static readonly DiagnosticDescriptor ZippedSweepAxesDifferInLength = new DiagnosticDescriptor(
        DiagnosticIds.GROK0010ZippedSweepAxesDifferInLength,
        "Zipped sweep axes differ in length",
        "Sweep axis '{0}' has {1} values but '{2}', zipped with it in group '{3}', has {4}; zipped axes pair their values one to one",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0010ZippedSweepAxesDifferInLength));

    public static readonly DiagnosticDescriptor SweepExclusionShape = new DiagnosticDescriptor(
        DiagnosticIds.GROK0011SweepExclusionShape,
        "Sweep exclusion is not a parameterless bool method",
        "[SweepExclusion] method '{0}' {1}; an exclusion is a parameterless, non-generic bool instance method of the experiment, called on every expanded run",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0011SweepExclusionShape));

    public static readonly DiagnosticDescriptor OptionNotDivisible = new DiagnosticDescriptor(
        DiagnosticIds.GROK0012OptionNotDivisible,
        "Option value is not a multiple of the option it must divide by",
        "'{0}' is {1} but must be a multiple of '{2}', which is {3}",
        DiagnosticCategories.Options,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0012OptionNotDivisible));

    public static readonly DiagnosticDescriptor UnknownMeasureId = new DiagnosticDescriptor(
        DiagnosticIds.GROK0013UnknownMeasureId,
        "Unknown measure id",
        "Experiment '{1}' asks for measure '{0}', which no plugin known to this build provides; known measures: {2}",
        DiagnosticCategories.Experiment,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0013UnknownMeasureId));

    public static readonly DiagnosticDescriptor InvalidId = new DiagnosticDescriptor(
        DiagnosticIds.GROK0014InvalidId,
        "Id is not a valid id",
        "{0} id '{1}' {2}; ids name run folders and plugin components, so they use only ASCII letters, digits, '-', '_' and '.', start with a letter or digit, have no '..' and at most 64 characters",
        DiagnosticCategories.Experiment,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0014InvalidId));

    public static readonly DiagnosticDescriptor SweepTooLarge = new DiagnosticDescriptor(
        DiagnosticIds.GROK0015SweepTooLarge,
        "Sweep is too large",
        "{0} has {1}, more than the limit of {2}; {3}",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0015SweepTooLarge));

    public static readonly DiagnosticDescriptor SweptPropertyUnread = new DiagnosticDescriptor(
        DiagnosticIds.GROK0016SweptPropertyUnread,
        "Swept property is read by nothing",
        "'{0}' is swept but no component receives it and no other member of '{1}' reads it; its runs would differ only in their run id",
        DiagnosticCategories.Sweep,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GROK0016SweptPropertyUnread));

    static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
