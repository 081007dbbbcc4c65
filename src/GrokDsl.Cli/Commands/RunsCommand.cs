using System.CommandLine;
using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl runs list|show|rm</c>: the run store from the command line.</summary>
static class RunsCommand
{
    public static Command Create() => new("runs", "List, inspect and remove stored runs.\n\nExamples:\n  grokdsl runs list -w Seed=0\n  grokdsl runs show 6818cb --json\n  grokdsl runs rm --status failed --yes") { List(), Show(), Remove() };

    static Option<string?> Experiment() => new("--experiment", "-e") { Description = "Only runs of this experiment id." };
    static Option<string?> Status() => new("--status", "-s") { Description = "Only runs with this status: grokked, censored, diverged, interrupted, failed, unfinished." };
    static Option<string[]> Where() => new("--where", "-w") { Description = "Only runs whose configuration has KEY=VALUE (dotted keys, e.g. Optimizer.WeightDecay=0.3); repeatable." };
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
            var entries = RunStore.List(result.GetValue(runs)!, filter).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(entries.Select(Describe), RunJson.Indented));
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{"experiment",-24} {"run",-12} {"status",-11} {"t_mem",7} {"t_grok",7} {"test acc",8}  path");
            foreach (var e in entries)
                Console.WriteLine($"{e.ExperimentId,-24} {e.RunId,-12} {e.Status,-11} {e.Summary?.MemorizedAtStep?.ToString() ?? "-",7} {e.Summary?.GrokkedAtStep?.ToString() ?? "-",7} {(e.Summary is { } s ? s.FinalTestAccuracy.ToString("P1") : "-"),8}  {e.Directory.Path}");
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
                Console.WriteLine($"memorized at {s.MemorizedAtStep?.ToString() ?? "-"}, grokked at {s.GrokkedAtStep?.ToString() ?? "-"}, {s.FinalStep} steps, test {s.FinalTestAccuracy:P2}, {s.WallSeconds:0.0} s on {s.Device}");
            if (entry.Summary?.Divergence is { } divergence) Console.WriteLine($"diverged: {divergence}");
            if (entry.Summary?.Error is { } error) Console.WriteLine($"error: {error}");
            if (environment is not null)
                Console.WriteLine($"environment: GrokDsl {environment.GrokDslVersion}, TorchSharp {environment.TorchSharpVersion}, libtorch {environment.LibTorchVersion}, " +
                    $"{environment.DotNetVersion}, {environment.Device}, {environment.Machine}{(environment.GitCommit is { } commit ? $", git {commit}{(environment.GitDirty == true ? " (dirty)" : "")}" : "")}");
            Console.WriteLine("configuration:");
            Console.WriteLine(entry.Directory.ReadConfiguration() ?? "(missing)");
            return ExitCodes.Ok;
        });
        return command;
    }

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

    // A damaged file is shown as missing rather than failing the whole command.
    static T? TryRead<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static RunFilter? Filter(string? experiment, string? status, string[]? where)
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
            var directory = new RunDirectory(Path.GetFullPath(run));
            return new RunEntry(directory, Path.GetFileName(Path.GetDirectoryName(directory.Path))!, Path.GetFileName(directory.Path), directory.ReadSummary());
        }
        if (RunStore.Find(root, run) is { } found) return found;
        Console.Error.WriteLine($"error: no single run '{run}' under {Path.GetFullPath(root)}");
        return null;
    }

    static object Describe(RunEntry entry) => new
    {
        entry.ExperimentId,
        entry.RunId,
        entry.Status,
        Path = entry.Directory.Path,
        entry.Summary,
    };
}
