using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0009: a constant assigned to an option property outside the property's <c>[Range]</c>. Reads the
/// attribute generically, so plugin option records are checked like the built-in ones.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionValueOutOfRangeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.OptionValueOutOfRange);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownTypes.From(start.Compilation) is not { } known) return;

            // Object and `with` initializers assign; an option record's own defaults initialize.
            start.RegisterOperationAction(operation =>
            {
                if (operation.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                    Check(operation, known, target.Property, target.Instance?.Type, assignment.Value);
            }, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(operation =>
            {
                var initializer = (IPropertyInitializerOperation)operation.Operation;
                foreach (var property in initializer.InitializedProperties) Check(operation, known, property, property.ContainingType, initializer.Value);
            }, OperationKind.PropertyInitializer);
        });
    }

    // The owner is the record being initialized, not the declaring base: users write `new AdamW { ... }`.
    static void Check(OperationAnalysisContext context, KnownTypes known, IPropertySymbol property, ITypeSymbol? owner, IOperation value)
    {
        if (known.RangeOf(property) is not { } attribute || !TryGetNumber(value.ConstantValue, out var number)) return;

        var range = OptionRange.From(attribute);
        if (range.Contains(number)) return;

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.OptionValueOutOfRange,
            value.Syntax.GetLocation(),
            $"{(owner ?? property.ContainingType).Name}.{property.Name}",
            OptionRange.Format(number),
            range.Describe()));
    }

    static bool TryGetNumber(Optional<object?> constant, out double number)
    {
        number = constant.HasValue ? constant.Value switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            int i => i,
            long l => l,
            short s => s,
            sbyte b => b,
            uint u => u,
            ulong u => u,
            ushort u => u,
            byte b => b,
            _ => double.NaN,
        } : double.NaN;
        return constant.HasValue && constant.Value is double or float or decimal or int or long or short or sbyte or uint or ulong or ushort or byte;
    }
}
