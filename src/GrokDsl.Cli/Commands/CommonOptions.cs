using System.CommandLine;
using GrokDsl.Cli.Launchers;
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

    public static Option<string?> Device() => new("--device")
    {
        Description = "Where to train: cpu, cuda, cuda:N or auto (CUDA when a PyTorch install with a GPU is found). Overrides the experiment's Training.Device.",
    };

    public static Option<string?> TorchLib() => new("--torch-lib")
    {
        Description = $"The torch/lib folder of a PyTorch install with CUDA, for --device cuda (else ${GrokDsl.Runtime.Devices.PyTorchLibrary.EnvironmentVariable}, else python3 -c \"import torch\").",
    };

    public static Option<string?> StackMemory() => new(SweepTaskInvocation.StackMemoryOption)
    {
        Description = "With --stack: the memory one stack may use, e.g. 6G or 512M (K, M, G, T). Default: half the memory available " +
                      "to the process on the CPU, 80% of the GPU's free memory on CUDA. The packing printed before training states it.",
    };

    /// <summary>
    /// The bytes <c>--stack-memory</c> gives (null when it is not given), or false after printing why its value is not
    /// a size or why it does not apply.
    /// </summary>
    public static bool TryParseStackMemory(string? text, bool stacking, out long? bytes)
    {
        bytes = null;
        if (text is null) return true;
        if (!stacking)
        {
            Console.Error.WriteLine($"error: {SweepTaskInvocation.StackMemoryOption} only applies with --stack");
            return false;
        }
        bytes = MemorySize.Parse(text);
        if (bytes is null)
            Console.Error.WriteLine($"error: {SweepTaskInvocation.StackMemoryOption} '{text}': expected a positive size with a unit, e.g. 512M or 6G");
        return bytes is not null;
    }

    /// <summary>
    /// The device a command trains on, chosen before anything makes a tensor (CUDA has to be loaded first);
    /// null after printing why it cannot be used.
    /// </summary>
    public static GrokDsl.Runtime.Devices.SelectedDevice? SelectDevice(string? device, string experimentDefault, string? torchLib)
    {
        try
        {
            var selected = GrokDsl.Runtime.Devices.DeviceSelection.Select(device ?? experimentDefault, torchLib);
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
