using System.CommandLine;
using System.Globalization;
using GrokDsl.Cli.Launchers;
using GrokDsl.Reporting;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Overrides;
using GrokDsl.Runtime.Reproductions;
using GrokDsl.Cli.Terminal;
using Spectre.Console;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl reproduce PRESET</c>: train a preset's reproduction variant (resuming what is already in the run store),
/// then print the paper's numbers beside GrokDsl's with PASS or MISS; <c>--export</c> writes the committed form.
/// </summary>
static class ReproductionCommand
{
    public static Command Create()
    {
        var preset = new Argument<string?>("preset") { Description = "A built-in preset id (see --list).", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List the presets with reproduction targets." };
        var smoke = new Option<bool>("--smoke") { Description = "Run the cheap smoke variant (same code path, seconds; its verdicts are not expected to pass) instead of the full one." };
        var seeds = new Option<string?>("--seeds") { Description = "Seeds to run instead of the variant's, e.g. 0,1,2 or 0..4." };
        var judgeOnly = new Option<bool>("--judge-only") { Description = "Judge what the run store holds; train nothing." };
        var export = new Option<string?>("--export") { Description = "Write reproduction.json, table.md and each run's summary and thinned metrics here (e.g. reproductions/nanda-2023)." };
        var (runs, plugins) = (CommonOptions.Runs(), CommonOptions.Plugins());
        var retries = SweepCommand.RetriesOption();
        var placement = CommonOptions.Placement("Train compatible runs of the variant together as stacked models.");
        var command = new Command("reproduce", """
            Reproduce a paper's headline numbers with its preset: train the reproduction variant's runs (finished runs are
            reused, interrupted ones resume), then print each target: the paper's value, the tolerance band, GrokDsl's
            measured value and PASS or MISS. A full variant whose measured CPU cost is over 3 hours is left for a GPU.

            Examples:
              grokdsl reproduce --list
              grokdsl reproduce prieto-2025
              grokdsl reproduce nanda-2023 --seeds 0 --export reproductions/nanda-2023
              grokdsl reproduce grokfast-2024 --smoke
              grokdsl reproduce power-2022 --judge-only --runs /scratch/runs
            """)
        {
            preset, list, smoke, seeds, judgeOnly, export, runs, plugins, retries,
        };
        foreach (var option in placement.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            if (result.GetValue(list)) return List();
            if (result.GetValue(preset) is not { } id)
            {
                Console.Error.WriteLine("error: name a preset, or use --list");
                return ExitCodes.InvalidExperiment;
            }
            if (placement.Parse(result) is not { } where) return ExitCodes.InvalidExperiment;
            return Reproduce(id, result.GetValue(smoke), result.GetValue(seeds), result.GetValue(judgeOnly), result.GetValue(export),
                result.GetValue(runs)!, result.GetValue(plugins) ?? [], result.GetValue(retries), GlobalOptions.Of(result) == Verbosity.Quiet, where);
        });
        return command;
    }

    /// <summary>The reproduction of built-in preset <paramref name="id"/>, or null when it declares none.</summary>
    public static Reproduction? Of(string id) => Presets().FirstOrDefault(p => p.Preset.Info.Id == id).Reproduction;

    static IEnumerable<(IExperiment Preset, Reproduction Reproduction)> Presets() =>
        ExperimentResolver.BuiltIn.OfType<IReproducible>().Select(p => ((IExperiment)p, p.DescribeReproduction()));

    static int List()
    {
        var table = new Table().AddColumns("preset", "target", "paper", "band", "source", "full variant");
        foreach (var (preset, reproduction) in Presets())
            foreach (var target in reproduction.Targets)
                table.AddRow(
                    Markup.Escape(preset.Info.Id), Markup.Escape(target.Quantity), ReproductionExport.Number(target.PaperValue),
                    $"{ReproductionExport.Number(target.Low)}–{ReproductionExport.Number(target.High)}", Markup.Escape(target.Source),
                    Markup.Escape(Cost(reproduction)));
        TablePrinter.Print(table);
        return ExitCodes.Ok;
    }

    static string Cost(Reproduction reproduction) => reproduction.Cost switch
    {
        null => "CPU cost not measured yet",
        { } cost when reproduction.NeedsGpu => $"GPU: {cost.Arithmetic}",
        { } cost => $"CPU, {cost.Hours:0.#} h: {cost.Arithmetic}",
    };

    static int Reproduce(string id, bool smoke, string? seeds, bool judgeOnly, string? export, string runsRoot, string[] pluginFolders, int retries, bool quiet,
        Placement placement)
    {
        if (Presets().FirstOrDefault(p => p.Preset.Info.Id == id) is not ({ } preset, { } reproduction))
        {
            Console.Error.WriteLine($"error: '{id}' has no reproduction targets. Presets with targets: {string.Join(", ", Presets().Select(p => p.Preset.Info.Id))}");
            return ExitCodes.InvalidExperiment;
        }
        if (!smoke && !judgeOnly && reproduction.NeedsGpu)
        {
            Console.Error.WriteLine($"error: {id}'s full variant needs a GPU: {reproduction.Cost!.Arithmetic} (over {Reproduction.CpuBudgetHours:0} h of CPU). Run it with --smoke here, or on a GPU machine.");
            return ExitCodes.InvalidExperiment;
        }
        var chosenSeeds = seeds is not null ? seeds : smoke || reproduction.Seeds is null ? null : string.Join(",", reproduction.Seeds);
        var sweeps = chosenSeeds is null ? Array.Empty<string>() : [$"Seed={chosenSeeds}"];
        IExperiment variant;
        try
        {
            variant = ExperimentOverrides.Parse([], sweeps).ApplyTo(smoke ? reproduction.Smoke : reproduction.Full);
        }
        catch (OverrideException e)
        {
            Console.Error.WriteLine($"error: --seeds {seeds}: {e.Message}");
            return ExitCodes.InvalidExperiment;
        }

        var exitCode = ExitCodes.Ok;
        if (!judgeOnly)
        {
            // The smoke variant is not addressable by id from another process; the reference names the preset for the log.
            var launcher = new LocalLauncher(Console.Out, Console.Error, quiet, new SweepPolicy(retries, FailFast: false));
            foreach (var source in smoke ? reproduction.SmokeSources : reproduction.Sources)
            {
                exitCode = launcher.Launch(RunPlan.Create(source, ExperimentReference.From(source.Info.Id, null, [], []), runsRoot, pluginFolders, placement));
                // A warm start from a source that did not finish would start from the wrong network, or from none.
                if (exitCode != ExitCodes.Ok) return exitCode;
            }
            var plan = RunPlan.Create(variant, ExperimentReference.From(id, null, [], sweeps), runsRoot, pluginFolders, placement);
            // `run ID --set ...` would train the preset, not this variant: each run records the command that trained it.
            IReadOnlyList<string> command = ["reproduce", id, .. smoke ? ["--smoke"] : Array.Empty<string>(), .. chosenSeeds is null ? Array.Empty<string>() : ["--seeds", chosenSeeds]];
            exitCode = launcher.Launch(plan with { Origins = [.. plan.Origins.Select(origin => origin.TrainedBy(command))] });
        }
        var runs = ReproducedRun.Load(variant, Path.GetFullPath(runsRoot));
        var verdicts = ReproductionJudge.Judge(reproduction.Targets, runs);
        Print(id, smoke, verdicts);
        if (export is not null)
        {
            var command = $"{GrokdslInvocation.Prefix} reproduce {id}{(smoke ? " --smoke" : "")}{(chosenSeeds is null ? "" : $" --seeds {chosenSeeds}")}";
            var record = new ReproductionRecord(
                id, smoke ? "smoke" : "full", command, MachineDescription(), DateTimeOffset.UtcNow,
                runs.Sum(r => r.Summary?.WallSeconds ?? 0), runs.Count, [.. verdicts.Select(VerdictRow.Of)], reproduction.Note);
            Console.WriteLine($"exported: {ReproductionExport.Write(Path.GetFullPath(export), record, runs)}");
        }
        return exitCode;
    }

    static void Print(string id, bool smoke, IReadOnlyList<TargetVerdict> verdicts)
    {
        var table = new Table().Title($"{id} ({(smoke ? "smoke" : "full")})").AddColumns("quantity", "runs", "paper", "band", "GrokDsl", "verdict", "note");
        foreach (var v in verdicts)
        {
            var color = v.Verdict switch { TargetVerdict.Pass => "green", TargetVerdict.Miss => "red", _ => "yellow" };
            table.AddRow(
                Markup.Escape($"{v.Target.Quantity} ({v.Target.Source})"), Markup.Escape(v.Target.Measure.Runs.Description),
                ReproductionExport.Number(v.Target.PaperValue), $"{ReproductionExport.Number(v.Target.Low)}–{ReproductionExport.Number(v.Target.High)}",
                v.Measured is { } m ? ReproductionExport.Number(m) : "—", $"[{color}]{v.Verdict}[/]", Markup.Escape(v.Why ?? ""));
        }
        TablePrinter.Print(table);
    }

    // What a reader needs to weigh wall times: cores, OS and the load when the numbers were taken.
    static string MachineDescription()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average {load} at export");
    }
}
