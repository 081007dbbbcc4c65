using System.CommandLine;
using GrokDsl.Cli.Benchmarks;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl bench memory</c>: the default experiment trained alone and R times stacked, for a warm-up and then the
/// measured steps, with host memory (RSS, managed heap), GPU memory and TorchSharp's live tensors sampled along the
/// way; prints the samples, whether each quantity stayed flat after warm-up (<see cref="MemoryTrend"/>) and whether the
/// peak resident memory stayed within its limit; quiet, and with other processes loading every core (<see cref="CpuLoad"/>).
/// </summary>
static class MemoryBenchCommand
{
    /// <summary>The most resident memory the default experiment may take at its peak, alone or R = 8 stacked (issue 20).</summary>
    public const double PeakLimitMiB = 600;

    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Measured steps after the warm-up.", DefaultValueFactory = _ => 10_000 };
        var warmup = new Option<int>("--warmup") { Description = "Steps before measuring (allocator and caches settle).", DefaultValueFactory = _ => 500 };
        var every = new Option<int>("--every") { Description = "Sample every N steps (a multiple of the default experiment's evaluation cadence, 10).", DefaultValueFactory = _ => 500 };
        var stack = new Option<int>("--stack") { Description = "Runs stacked in the second measurement, R (0 skips it).", DefaultValueFactory = _ => 8 };
        var load = new Option<string>("--load")
        {
            Description = "quiet (this process alone), loaded (one busy process per core beside it, as other builds on a shared machine) or both.",
            DefaultValueFactory = _ => "both",
        };
        load.AcceptOnlyFromAmong("quiet", "loaded", "both");
        var placement = CommonOptions.Placement();
        var command = new Command("memory", """
            Check that memory stays flat: the default experiment alone and R runs of it stacked, a warm-up and then
            the measured steps, sampling process RSS, the managed heap, GPU memory (CUDA) and live tensors. Prints the
            samples, the growth per 1,000 steps after warm-up, the peak RSS (limit 600 MiB) and a verdict; exits 1 when
            something grows or the peak is over. By default it measures twice: quiet, and loaded (one busy process per
            core beside it), since allocator growth can show only on a loaded machine.

            Examples:
              grokdsl bench memory
              grokdsl bench memory --steps 2000 --warmup 500 --stack 4 --load loaded
              grokdsl bench memory --device cuda
            """)
        {
            steps, warmup, every, stack, load,
        };
        foreach (var option in placement.All) command.Options.Add(option);
        command.SetAction(result => placement.Parse(result) is { } where
            ? Run(result.GetValue(steps), result.GetValue(warmup), result.GetValue(every), result.GetValue(stack), result.GetValue(load)!, where)
            : ExitCodes.InvalidExperiment);
        return command;
    }

    static int Run(int steps, int warmup, int every, int stack, string load, Placement placement)
    {
        var evaluateEvery = new ModularAddition().Training.EvaluateEvery;
        if (Problem(steps, warmup, every, stack, evaluateEvery) is { } problem)
        {
            Console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidExperiment;
        }
        if (CommonOptions.SelectDevice(placement) is not { } device) return ExitCodes.InvalidExperiment;
        Func<double?> gpu = device.IsCuda ? () => GpuMemory.UsedMiB(device.Device.index) : () => null;
        var experiment = new ModularAddition() with { Stopping = new() { MaxSteps = warmup + steps, StopAfterGrokking = false } };
        using var scratch = new ScratchRuns("memory");
        using var host = PluginHost.Load(PluginFolders.Default([]));

        Console.WriteLine($"device {device.Name}, {TorchSharp.torch.get_num_threads()} threads, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
                          $"glibc malloc settings {(GlibcMalloc.InEffect ? "in effect" : "not in effect")}, {OpenMpSpinning.Describe()}");
        Console.WriteLine($"default experiment, {warmup:N0} warm-up + {steps:N0} measured steps, sampled every {every:N0} steps");
        Console.WriteLine("RSS: this process's resident memory; managed: .NET heap after a full collection; "
            + (device.IsCuda ? $"GPU: memory used on {device.Name} (nvidia-smi, whole device)" : "GPU: not measured on the CPU")
            + "; live tensors: TorchSharp tensors not yet disposed; peak: the most RSS of each measurement (VmHWM)");
        var passed = true;
        foreach (var loaded in load switch { "quiet" => [false], "loaded" => [true], _ => new[] { false, true } })
        {
            string? why = null;
            using var burners = loaded ? CpuLoad.Start(out why) : null;
            if (loaded && burners is null)
            {
                Console.WriteLine($"loaded: skipped, {why}");
                continue;
            }
            var condition = loaded ? $"loaded ({burners!.Processes} busy processes beside this one)" : "quiet (this process alone)";
            var single = Sampler($"single run, {condition}", every, warmup, gpu);
            new RunCoordinator(host, single, placement, device).Train(experiment.ToRunSpec(), scratch.Path, force: true, CancellationToken.None);
            passed &= Judge(warmup, single.Samples);

            if (stack > 0)
            {
                var stacked = Sampler($"stacked, R = {stack}, {condition}", every, warmup, gpu);
                var specs = Enumerable.Range(0, stack).Select(seed => (experiment with { Seed = seed }).ToRunSpec()).ToList();
                new RunCoordinator(host, stacked, placement with { Stack = true }, device).TrainStack(specs, scratch.Path, resume: false, RunControl.None);
                passed &= Judge(warmup, stacked.Samples);
            }
        }

        Console.WriteLine(passed
            ? $"verdict: flat and small (no quantity grew more than its limit per 1,000 steps after warm-up; every peak RSS <= {PeakLimitMiB:0} MiB)"
            : "verdict: NOT flat or NOT small (see the growth and peak lines above)");
        return passed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    static string? Problem(int steps, int warmup, int every, int stack, int evaluateEvery)
    {
        if (every <= 0 || every % evaluateEvery != 0)
            return $"--every {every}: must be a positive multiple of {evaluateEvery}, the default experiment's evaluation cadence (samples are taken at evaluations)";
        if (steps < 2 * every) return $"--steps {steps}: must be at least twice --every ({every}), for two samples after the warm-up";
        if (warmup < 0) return $"--warmup {warmup}: must be 0 or more";
        if (stack < 0) return $"--stack {stack}: must be 0 (skip) or a number of runs";
        return null;
    }

    // Prints the title and the table's header now, and each sample as it is taken; the peak starts here.
    static MemorySampler Sampler(string title, int every, int warmup, Func<double?> gpu)
    {
        Console.WriteLine(title);
        PeakMemory.Reset();
        Console.WriteLine($"  {"step",8} {"RSS MiB",9} {"managed MiB",12} {"GPU MiB",9} {"live tensors",13}");
        return new MemorySampler(every, gpu, s => Console.WriteLine(
            $"  {s.Step,8} {s.ResidentMiB,9:0.0} {s.ManagedMiB,12:0.00} {(s.GpuMiB is { } used ? used.ToString("0") : "n/a"),9} {s.LiveTensors,13}{(s.Step < warmup ? "  (warm-up)" : "")}"));
    }

    // Prints the growth after warm-up and the peak; true when every quantity is flat and the peak within its limit.
    static bool Judge(int warmup, IReadOnlyList<MemorySample> samples)
    {
        var growth = MemoryTrend.After(warmup, samples);
        var flat = growth.All(g => g.IsFlat);
        Console.WriteLine($"  growth per 1,000 steps after warm-up: {string.Join(", ", growth)}: {(flat ? "flat" : "NOT flat")}");
        var peak = PeakMemory.MiB();
        var small = peak is not { } p || p <= PeakLimitMiB;
        Console.WriteLine($"  peak RSS {(peak is { } value ? $"{value:0.0} MiB" : "n/a")} (limit {PeakLimitMiB:0}): {(small ? "within" : "OVER")}");
        return flat && small;
    }
}
