using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GrokDsl.Analyzers;

/// <summary>
/// GROK0012: an option declared <c>[DivisibleBy(nameof(Other))]</c> set to a constant that the other
/// option's constant, set in the same initializer, does not divide (a width of 130 with 4 heads).
/// Defaults live in compiled option records the analyzer cannot read, so a rule with one side left
/// at its default is checked by the generated Validate() before the run instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionNotDivisibleAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.OptionNotDivisible);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName("GrokDsl.DivisibleByAttribute") is not { } divisibleBy) return;
            start.RegisterOperationAction(operation => Analyze(operation, divisibleBy), OperationKind.ObjectCreation, OperationKind.With);
        });
    }

    static void Analyze(OperationAnalysisContext context, INamedTypeSymbol divisibleBy)
    {
        var (type, initializer) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer),
            IWithOperation with => (with.Type, with.Initializer),
            _ => (null, null),
        };
        if (type is null || initializer is null) return;

        var constants = new Dictionary<string, (long Value, IOperation Assignment, IPropertySymbol Property)>();
        foreach (var member in initializer.Initializers)
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: int or long } constant })
                constants[target.Property.Name] = (System.Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture), member, target.Property);

        foreach (var (value, assignment, property) in constants.Values)
        {
            var rule = property.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, divisibleBy));
            if (rule is not { ConstructorArguments.Length: 1 } || rule.ConstructorArguments[0].Value is not string divisorName
                || !constants.TryGetValue(divisorName, out var divisor) || divisor.Value == 0 || value % divisor.Value == 0)
                continue;

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.OptionNotDivisible, assignment.Syntax.GetLocation(),
                $"{type.Name}.{property.Name}", value, $"{type.Name}.{divisorName}", divisor.Value));
        }
    }
}
