using GrokDsl.Contracts;

namespace GrokDsl;

/// <summary>
/// One fully resolved run: everything the trainer needs, with the canonical configuration whose
/// hash is <see cref="RunId"/>. Components are referenced by id; their options travel as JSON.
/// </summary>
public sealed record RunSpec(
    ExperimentInfo Experiment,
    string RunId,
    string Configuration,
    int Seed,
    ComponentRef Dataset,
    ComponentRef Model,
    IReadOnlyList<ComponentRef> Measures,
    OptimizerOptions Optimizer,
    Training Training,
    Stopping Stopping);
