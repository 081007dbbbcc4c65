using System.CommandLine;
using GrokDsl.Cli.Terminal;
using System.Text.Json;
using GrokDsl.Analysis;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl runs list|show|seeds|export|rm</c>: the run store from the command line.</summary>
static class RunsCommand
{
    public static Command Create() => new("runs", "List, inspect and remove stored runs.\n\nExamples:\n  grokdsl runs list -w Seed=0\n  grokdsl runs show 6818cb --json\n  grokdsl runs seeds --experiment modular-addition\n  grokdsl runs export --tensorboard tb\n  grokdsl runs rm --status failed --yes") { List(), Show(), Seeds(), RunsExportCommand.Create(), Remove() };

    internal static Option<string?> Experiment() => new("--experiment", "-e") { Description = "Only runs of this experiment id." };
    internal static Option<string?> Status() => new("--status", "-s") { Description = "Only runs with this status: grokked, censored, diverged, interrupted, failed, unfinished, damaged." };
    internal static Option<string[]> Where() => new("--where", "-w") { Description = "Only runs whose configuration has KEY=VALUE (dotted keys, e.g. Optimizer.WeightDecay=0.3); repeatable." };
    static Option<bool> Json() => new("--json") { Description = "Print JSON for scripts instead of a table." };

    static Command List()
    {
        var (runs, experiment, status, where, json) = (CommonOptions.Runs(), Experiment(), Status(), Where(), Json());
        var command = new Command("list", "List runs, newest experiment folders first, with status and key numbers.\n\nExamples:\n  grokdsl runs list --status grokked\n  grokdsl runs list -e modular-addition -w Seed=0 --json")
        {
            runs, experiment, status, where, json,
        };
        command.SetAction(result =>
        {
            var filter = Filter(result.GetValue(experiment), result.GetValue(status), result.GetValue(where));
            if (filter is null) return ExitCodes.InvalidExperiment;
            var root = result.GetValue(runs)!;
            var entries = RunStore.List(root, filter).ToList();
            IReadOnlyDictionary<string, string> swept;
            try
            {
                swept = SweptSettings.Of(root, entries);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"warning: {e.Message}");
                swept = new Dictionary<string, string>();
            }
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(entries.Select(e => Describe(e, swept.GetValueOrDefault(e.RunId))), RunJson.Indented));
                return ExitCodes.Ok;
            }
            var table = TablePrinter.Plain("experiment", "run", "status", "seed", "swept", "started", "t_mem", "t_grok", "test acc", "path");
            // A damaged run's status carries its reason: it stays on one line, and the path wraps instead.
            table.Columns[2].NoWrap = true;
            foreach (var e in entries)
                table.AddPlainRow(e.ExperimentId, e.RunId, e.Status, Seed(e) ?? "-", swept.GetValueOrDefault(e.RunId) is { Length: > 0 } values ? values : "-",
                    e.StartedAt()?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    e.Summary?.MemorizedAtStep?.ToString() ?? "-", e.Summary?.GrokkedAtStep?.ToString() ?? "-",
                    e.Summary is { } s ? s.FinalTestAccuracy.ToString("P1") : "-", e.Directory.Path);
            TablePrinter.Print(table.RightAligned(3, 6, 7, 8));
            Console.WriteLine($"{entries.Count} run(s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Show()
    {
        var (runs, json) = (CommonOptions.Runs(), Json());
        var run = new Argument<string>("run") { Description = "A run id (or unique prefix) or a run directory." };
        var command = new Command("show", "Show a run's summary, configuration and environment.\n\nExample:\n  grokdsl runs show 6818cb") { run, runs, json };
        command.SetAction(result =>
        {
            if (Locate(result.GetValue(runs)!, result.GetValue(run)!) is not { } entry) return ExitCodes.Failed;
            var environment = TryRead(entry.Directory.ReadEnvironment);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    entry.ExperimentId,
                    entry.RunId,
                    entry.Status,
                    Path = entry.Directory.Path,
                    entry.Summary,
                    Configuration = TryRead(() => entry.Directory.ReadConfiguration() is { } text ? System.Text.Json.Nodes.JsonNode.Parse(text) : null),
                    Environment = environment,
                }, RunJson.Indented));
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{entry.ExperimentId}/{entry.RunId}: {entry.Status}");
            Console.WriteLine($"folder: {entry.Directory.Path}");
            if (entry.Summary is { } s)
            {
                Console.WriteLine($"memorized at {s.MemorizedAtStep?.ToString() ?? "-"}, grokked at {s.GrokkedAtStep?.ToString() ?? "-"}, {s.FinalStep} steps, test {s.FinalTestAccuracy:P2}, {s.WallSeconds:0.0} s on {s.Device}");
                if (s.Analysis is { } a)
                    Console.WriteLine($"grokking gap {a.GrokkingGap?.ToString() ?? "-"} steps, ratio {a.GrokkingRatio?.ToString("0.##") ?? "-"}, transition 10-90% {a.TransitionStartStep?.ToString() ?? "-"}..{a.TransitionEndStep?.ToString() ?? "-"}"
                        + (a.Phases is { } phases ? $", phases {string.Join(", ", phases.Select(p => $"{p.Phase} {p.StartStep}..{p.EndStep}"))}" : ""));
            }
            if (entry.Summary?.Divergence is { } divergence) Console.WriteLine($"diverged: {divergence}");
            if (entry.Summary?.Error is { } error) Console.WriteLine($"error: {error}");
            if (environment is not null)
                Console.WriteLine($"environment: GrokDsl {environment.GrokDslVersion}, TorchSharp {environment.TorchSharpVersion}, libtorch {environment.LibTorchVersion}, " +
                    $"{environment.DotNetVersion}, {environment.Device}, {environment.Machine}{(environment.GitCommit is { } commit ? $", git {commit}{(environment.GitDirty == true ? " (dirty)" : "")}" : "")}");
            if (entry.Damage is not null)
                Console.WriteLine($"damaged: {entry.Directory.SummaryPath} cannot be read; running the experiment again rebuilds the summary where the checkpoints and metrics allow");
            Console.WriteLine("configuration:");
            Console.WriteLine(TryRead(entry.Directory.ReadConfiguration) ?? "(missing)");
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Seeds()
    {
        var (runs, experiment, where, json) = (CommonOptions.Runs(), Experiment(), Where(), Json());
        var command = new Command("seeds", "Aggregate runs that differ only in their seed: fraction grokked and the Kaplan–Meier median grokking step with a 95 % bootstrap interval; runs that never grokked count as censored.\n\nExample:\n  grokdsl runs seeds -e modular-addition")
        {
            runs, experiment, where, json,
        };
        command.SetAction(result =>
        {
            var filter = Filter(result.GetValue(experiment), null, result.GetValue(where));
            if (filter is null) return ExitCodes.InvalidExperiment;
            var groups = SeedGroups.Aggregate(RunStore.List(result.GetValue(runs)!, filter));
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(groups.Select(DescribeGroup), RunJson.Indented));
                return ExitCodes.Ok;
            }
            var table = TablePrinter.Plain("experiment", "runs", "grokked", "median t_grok", "95% interval", "setting");
            foreach (var g in groups)
            {
                var median = g.Statistics?.MedianGrokkingStep;
                table.AddPlainRow(g.ExperimentId, g.Runs.Count.ToString(), g.Statistics is { } s ? $"{s.Grokked}/{s.Runs}" : "-", Step(median?.Estimate),
                    Interval(median?.Lower, median?.Upper), Label(g, groups));
            }
            TablePrinter.Print(table.RightAligned(1, 2, 3));
            Console.WriteLine($"{groups.Count} setting(s); a median of '>' means more than half the runs never grokked");
            return ExitCodes.Ok;
        });
        return command;
    }

    static string Step(double? step) => step is { } s ? s.ToString("0") : ">";

    // A bound the bootstrap could not place (too few runs grokked) is open, not a number: "[3000, >)" rather than
    // "[>, >]", and no interval at all when neither bound is known.
    static string Interval(double? lower, double? upper) => (lower, upper) switch
    {
        (null, null) => "-",
        ({ } l, { } u) => $"[{l:0}, {u:0}]",
        ({ } l, null) => $"[{l:0}, >)",
        (null, { } u) => $"(>, {u:0}]",
    };

    // The settings in which this group differs from another group of its experiment.
    static string Label(SeedGroup group, IReadOnlyList<SeedGroup> groups)
    {
        var others = groups.Where(g => g.ExperimentId == group.ExperimentId).ToList();
        var differing = group.Settings.Where(s => others.Any(o => !o.Settings.TryGetValue(s.Key, out var v) || v != s.Value))
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}").ToList();
        return differing.Count == 0 ? "all runs" : string.Join(" · ", differing);
    }

    static object DescribeGroup(SeedGroup group) => new
    {
        group.ExperimentId,
        group.Settings,
        Runs = group.Runs.Select(r => r.RunId),
        group.Excluded,
        group.Statistics?.FractionGrokked,
        MedianGrokkingStep = group.Statistics?.MedianGrokkingStep,
    };

    static Command Remove()
    {
        var (runs, experiment, status, where) = (CommonOptions.Runs(), Experiment(), Status(), Where());
        var ids = new Argument<string[]>("run") { Description = "Run ids (or unique prefixes) to remove.", Arity = ArgumentArity.ZeroOrMore };
        var yes = new Option<bool>("--yes", "-y") { Description = "Remove without asking (required when not at a terminal)." };
        var command = new Command("rm", "Remove runs by id or by filter.\n\nExamples:\n  grokdsl runs rm 6818cb\n  grokdsl runs rm --status failed --yes")
        {
            ids, runs, experiment, status, where, yes,
        };
        command.SetAction(result =>
        {
            var root = result.GetValue(runs)!;
            var chosen = new List<RunEntry>();
            foreach (var id in result.GetValue(ids) ?? [])
            {
                if (Locate(root, id) is not { } entry) return ExitCodes.Failed;
                chosen.Add(entry);
            }
            if (chosen.Count == 0)
            {
                var filter = Filter(result.GetValue(experiment), result.GetValue(status), result.GetValue(where));
                if (filter is null || filter == new RunFilter())
                {
                    Console.Error.WriteLine("error: name runs to remove, or filter them (--experiment, --status, --where)");
                    return ExitCodes.InvalidExperiment;
                }
                chosen.AddRange(RunStore.List(root, filter));
            }
            if (!result.GetValue(yes))
            {
                if (Console.IsInputRedirected)
                {
                    Console.Error.WriteLine($"error: would remove {chosen.Count} run(s); pass --yes to confirm");
                    return ExitCodes.Failed;
                }
                Console.Write($"Remove {chosen.Count} run(s)? [y/N] ");
                if (!string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase)) return ExitCodes.Ok;
            }
            foreach (var entry in chosen)
            {
                Directory.Delete(entry.Directory.Path, recursive: true);
                Console.WriteLine($"removed {entry.ExperimentId}/{entry.RunId}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // A damaged file is shown as missing, with a warning naming it, rather than failing the whole command.
    static T? TryRead<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is DamagedRunFileException or JsonException)
        {
            Console.Error.WriteLine($"warning: {e.Message}");
            return null;
        }
    }

    internal static RunFilter? Filter(string? experiment, string? status, string[]? where)
    {
        var settings = new List<(string, string)>();
        foreach (var clause in where ?? [])
        {
            var at = clause.IndexOf('=');
            if (at <= 0)
            {
                Console.Error.WriteLine($"error: --where '{clause}' is not KEY=VALUE");
                return null;
            }
            settings.Add((clause[..at], clause[(at + 1)..]));
        }
        return new RunFilter(experiment, status, settings.Count == 0 ? null : settings);
    }

    static RunEntry? Locate(string root, string run)
    {
        if (Directory.Exists(run) && File.Exists(Path.Combine(run, RunDirectory.ConfigurationFile)))
        {
            return RunStore.Entry(new RunDirectory(Path.GetFullPath(run)));
        }
        if (RunStore.Find(root, run) is { } found) return found;
        Console.Error.WriteLine($"error: no single run '{run}' under {Path.GetFullPath(root)}");
        return null;
    }

    static string? Seed(RunEntry entry) => entry.Settings().GetValueOrDefault(SweptSettings.SeedKey);

    static object Describe(RunEntry entry, string? swept) => new
    {
        entry.ExperimentId,
        entry.RunId,
        entry.Status,
        Seed = Seed(entry),
        Swept = string.IsNullOrEmpty(swept) ? null : swept,
        StartedAt = entry.StartedAt(),
        Path = entry.Directory.Path,
        entry.Summary,
    };
}
