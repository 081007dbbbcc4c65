using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GrokDsl.Generators;

/// <summary>
/// Expands every <c>[Experiment]</c> partial record into its typed pipeline (see
/// <see cref="Emitter"/>). Records the parser rejects are skipped; GrokDsl.Analyzers explains why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ExperimentGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var experiments = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.ExperimentAttribute,
                static (node, _) => node is RecordDeclarationSyntax,
                static (syntax, cancellation) => Parser.Parse(syntax, cancellation))
            .WithTrackingName(TrackingNames.ExperimentSpecs)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidExperimentSpecs);

        context.RegisterSourceOutput(experiments, static (output, spec) =>
            output.AddSource(spec.HintName, Emitter.Emit(spec)));
    }
}
