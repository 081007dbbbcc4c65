using System.CommandLine;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help agree.</summary>
static class CommonOptions
{
    public static Option<string> Runs() => new("--runs")
    {
        Description = "Folder that holds run directories (runs/<experiment-id>/<run-id>/).",
        DefaultValueFactory = _ => "runs",
    };

    public static Option<string[]> Plugins() => new("--plugins")
    {
        Description = "Extra plugin folder (repeatable); searched before $GROKDSL_PLUGIN_PATH, ~/.grokdsl/plugins and the installation's plugins/.",
        AllowMultipleArgumentsPerToken = false,
    };


    public static Option<string[]> Set() => new("--set")
    {
        Description = "Change a setting for every run, e.g. --set Optimizer.WeightDecay=0.3 (repeatable; typed and range-checked like the experiment file).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Sweep() => new("--sweep")
    {
        Description = "Sweep a setting, replacing a declared axis of it: Seed=0..9, Data.TrainFraction=0.3,0.5, Optimizer.LearningRate=1e-4..1e-2:log3 (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> MaxRuns() => new("--max-runs")
    {
        Description = $"The most runs a sweep may have (default {ExperimentInfo.DefaultMaxRuns:N0}); a larger sweep is refused before anything runs, with its size.",
    };

    /// <summary>The limit <c>--max-runs</c> gives (the default when it is not given), or null after printing why its value is no limit.</summary>
    public static long? ParseMaxRuns(string? text)
    {
        if (text is null) return ExperimentInfo.DefaultMaxRuns;
        if (long.TryParse(text.Replace("_", "").Replace(",", ""), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0)
            return limit;
        Console.Error.WriteLine($"error: --max-runs '{text}': expected a positive whole number of runs, e.g. 50000");
        return null;
    }

    /// <summary>--rewind and --resume-anyway: what a run about to resume does when its metrics stream has a gap (refused without either).</summary>
    public static MetricsGapOptions MetricsGap() => new(
        new Option<bool>(MetricsGapOptions.RewindName)
        {
            Description = "A run whose metrics.jsonl lacks records its checkpoint implies (truncated or deleted) resumes from the newest checkpoint " +
                          "at or before the last intact record (from scratch if there is none); without it, such a run is refused.",
        },
        new Option<bool>(MetricsGapOptions.ResumeAnywayName) { Description = "Resume such a run from its newest checkpoint anyway, keeping the gap in its metrics (a warning says so)." });

    /// <summary>--device, --torch-lib, and with <paramref name="stackDescription"/> --stack and --stack-memory: where runs train.</summary>
    public static PlacementOptions Placement(string? stackDescription = null) => new(
        new Option<string?>(Runtime.Planning.Placement.DeviceOption)
        {
            Description = "Where to train: cpu (the default), cuda, cuda:N or auto (CUDA when a PyTorch install with a GPU is found).",
        },
        new Option<string?>(Runtime.Planning.Placement.TorchLibOption)
        {
            Description = $"The torch/lib folder of a PyTorch install with CUDA, for --device cuda (else ${GrokDsl.Runtime.Devices.PyTorchLibrary.EnvironmentVariable}, else python3 -c \"import torch\").",
        },
        stackDescription is null ? null : new Option<bool>(Runtime.Planning.Placement.StackOption) { Description = stackDescription },
        stackDescription is null ? null : new Option<string?>(Runtime.Planning.Placement.StackMemoryOption)
        {
            Description = "With --stack: the memory one stack may use, e.g. 6G or 512M (K, M, G, T). Default: half the memory available " +
                          "to the process on the CPU, 80% of the GPU's free memory on CUDA. The packing printed before training states it.",
        });

    /// <summary>
    /// The placement's device, selected now, before anything makes a tensor (CUDA has to be loaded first); null after
    /// printing why it cannot be used. Nothing has trained then: the command exits with <see cref="ExitCodes.InvalidExperiment"/>.
    /// </summary>
    public static GrokDsl.Runtime.Devices.SelectedDevice? SelectDevice(Runtime.Planning.Placement placement)
    {
        try
        {
            var selected = placement.SelectDevice();
            if (selected.Note is not null) Console.Error.WriteLine($"note: {selected.Note}");
            return selected;
        }
        catch (Exception e) when (e is ArgumentException or GrokDsl.Runtime.Devices.DeviceUnavailableException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}

/// <summary>The options that make a <see cref="Runtime.Planning.Placement"/>; the stacking ones only on commands that stack.</summary>
sealed record PlacementOptions(Option<string?> Device, Option<string?> TorchLib, Option<bool>? Stack, Option<string?>? StackMemory)
{
    public IEnumerable<Option> All => new Option?[] { Device, TorchLib, Stack, StackMemory }.OfType<Option>();

    /// <summary>The placement the command line asks for (<paramref name="defaultDevice"/> without --device), or null after printing why not.</summary>
    public Runtime.Planning.Placement? Parse(ParseResult result, string defaultDevice = "cpu")
    {
        var stack = Stack is not null && result.GetValue(Stack);
        long? bytes = null;
        if (StackMemory is not null && result.GetValue(StackMemory) is { } text)
        {
            if (!stack)
            {
                Console.Error.WriteLine($"error: {Runtime.Planning.Placement.StackMemoryOption} only applies with --stack");
                return null;
            }
            bytes = MemorySize.Parse(text);
            if (bytes is null)
            {
                Console.Error.WriteLine($"error: {Runtime.Planning.Placement.StackMemoryOption} '{text}': expected a positive size with a unit, e.g. 512M or 6G");
                return null;
            }
        }
        return new Runtime.Planning.Placement(result.GetValue(Device) ?? defaultDevice, result.GetValue(TorchLib), stack, bytes);
    }
}

/// <summary>--rewind and --resume-anyway, and the <see cref="Runtime.Coordination.MetricsGapPolicy"/> they make.</summary>
sealed record MetricsGapOptions(Option<bool> Rewind, Option<bool> ResumeAnyway)
{
    public const string RewindName = "--rewind";
    public const string ResumeAnywayName = "--resume-anyway";

    public IEnumerable<Option> All => [Rewind, ResumeAnyway];

    /// <summary>The command-line arguments that ask for <paramref name="policy"/> (none for the default, refusing).</summary>
    public static IReadOnlyList<string> Arguments(Runtime.Coordination.MetricsGapPolicy policy) => policy switch
    {
        Runtime.Coordination.MetricsGapPolicy.Rewind => [RewindName],
        Runtime.Coordination.MetricsGapPolicy.ResumeAnyway => [ResumeAnywayName],
        _ => [],
    };

    /// <summary>The policy the command line asks for, or null after printing that both were given.</summary>
    public Runtime.Coordination.MetricsGapPolicy? Parse(ParseResult result)
    {
        var (rewind, anyway) = (result.GetValue(Rewind), result.GetValue(ResumeAnyway));
        if (rewind && anyway)
        {
            Console.Error.WriteLine($"error: {Rewind.Name} and {ResumeAnyway.Name} exclude each other");
            return null;
        }
        return rewind ? Runtime.Coordination.MetricsGapPolicy.Rewind
            : anyway ? Runtime.Coordination.MetricsGapPolicy.ResumeAnyway
            : Runtime.Coordination.MetricsGapPolicy.Refuse;
    }
}
