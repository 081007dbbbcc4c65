using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using GrokDsl.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0015: a sweep whose grid (the product of its axes, zipped axes once) has more runs than the limit, or one
/// axis with more values than the generator lists. The size is computed from the axes, never by expanding them,
/// so a sweep of 10⁹ runs costs nothing to check. The limit is 10,000 runs unless the build sets
/// <c>&lt;GrokDslMaxRuns&gt;</c> (<c>grokdsl run --max-runs N</c> sets it for a loose file).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SweepTooLargeAnalyzer : ExperimentRecordAnalyzer
{
    public const string MaxRunsProperty = "build_property.GrokDslMaxRuns";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SweepTooLarge);


    private protected override void AnalyzeExperiment(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData experiment, KnownTypes known)
    {
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(MaxRunsProperty, out var text);
        var limit = SweepSizes.ParseLimit(text) ?? SweepSizes.DefaultLimit;

        var axes = new List<KeyValuePair<long, string?>>();
        foreach (var property in ExperimentSymbols.InstanceProperties(type))
        {
            if (known.AxisOf(property) is not { } axis) continue;
            var values = SweepAxisValues.Count(axis, known);
            if (values > SweepRanges.MaxValues)
            {
                // The generator lists an axis's values in the generated code, so this cap is not raised by the run limit.
                var location = ExperimentSymbols.Locate(axis, context.CancellationToken) ?? property.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweepTooLarge, location,
                    $"The sweep on '{property.Name}'", SweepSizes.Describe(values) + " values", Number(SweepRanges.MaxValues) + " values per axis",
                    "use a coarser step, or split it into several sweeps"));
                return;
            }
            axes.Add(new KeyValuePair<long, string?>(values, SweepAxisValues.Zip(axis)));
        }

        var runs = SweepSizes.Runs(axes);
        if (runs <= limit) return;
        var id = experiment.ConstructorArguments.Length == 1 ? experiment.ConstructorArguments[0].Value as string : null;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SweepTooLarge,
            ExperimentSymbols.Locate(experiment, context.CancellationToken, firstArgument: true) ?? type.Locations[0],
            $"Experiment '{id ?? type.Name}'", SweepSizes.Describe(runs) + " runs", Number(limit) + " runs",
            "shrink the sweep, or raise the limit with `--max-runs N` (<GrokDslMaxRuns> in a project)"));
    }

    static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
