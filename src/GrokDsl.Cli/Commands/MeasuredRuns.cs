using System.Text.Json.Nodes;
using GrokDsl.Overrides;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// The run spec of a stored run, for <c>grokdsl measure</c>: its experiment resolved again as its reproducing command
/// line says (environment.json; the experiment id in config.json when that is missing), the run picked out of the
/// sweep by its run id, so that the model and data rebuilt are exactly those that were trained.
/// </summary>
static class MeasuredRuns
{
    /// <summary>The run's spec, or null after printing why it cannot be rebuilt.</summary>
    public static RunSpec? SpecOf(RunDirectory directory)
    {
        var runId = Path.GetFileName(directory.Path);
        var (experiment, id, sets) = ExperimentOf(directory);
        if (experiment is null)
        {
            Console.Error.WriteLine($"error: {directory.Path}: neither environment.json nor config.json names the experiment");
            return null;
        }
        if (ExperimentArguments.Resolve(experiment, id, sets, []) is not { } resolved) return null;
        var spec = Candidates(resolved).FirstOrDefault(s => s.RunId == runId);
        if (spec is null)
            Console.Error.WriteLine($"error: {directory.Path}: experiment '{experiment}' as it is now has no run {runId} " +
                                    "(its code or defaults changed since the run was trained)");
        return spec;
    }

    // `reproduce` trains a built-in preset's full or smoke variant under the preset's id: their runs are the preset's too.
    static IEnumerable<RunSpec> Candidates(IExperiment experiment)
    {
        foreach (var run in experiment.ExpandSweep()) yield return run.ToRunSpec();
        if (ReproductionCommand.Of(experiment.Info.Id) is not { } reproduction) yield break;
        IEnumerable<IExperiment> variants = [reproduction.Full, reproduction.Smoke];
        if (reproduction.Seeds is { } seeds)
            variants = variants.Append(ExperimentOverrides.Parse([], [$"Seed={string.Join(",", seeds)}"]).ApplyTo(reproduction.Full));
        foreach (var variant in variants)
            foreach (var run in variant.ExpandSweep()) yield return run.ToRunSpec();
    }

    static (string? Experiment, string? Id, List<string> Sets) ExperimentOf(RunDirectory directory)
    {
        var sets = new List<string>();
        if (directory.ReadEnvironment()?.Reproduce is { Count: >= 2 } reproduce && reproduce[0] == "run")
        {
            var (argument, rest) = (reproduce[1], reproduce.Skip(2).ToList());
            string? id = null;
            for (var i = 0; i + 1 < rest.Count; i += 2)
            {
                if (rest[i] == "--id") id = rest[i + 1];
                else if (rest[i] == "--set") sets.Add(rest[i + 1]);
            }
            return (argument, id, sets);
        }
        var configuration = directory.ReadConfiguration() is { } text ? JsonNode.Parse(text) : null;
        return (configuration?["Experiment"]?.GetValue<string>(), null, sets);
    }
}
