using System.CommandLine;
using System.Diagnostics;
using GrokDsl.Cli.Benchmarks;
using GrokDsl.Cli.Terminal;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl bench stacked</c>: steps/s and run-steps/s of one run against R runs stacked, at the measured anchor
/// (a+b mod 113, 30% train, full batch, AdamW lr 1e-3, wd 1, β 0.9/0.98; ../shared/bench/pytorch_reference.py) for its
/// MLP (Embedding 128, hidden 512) and its transformer (Nanda et al.: 1 layer, d 128, 4 heads, MLP 512), then the
/// default experiment's target: R stacked runs against the same R runs one after another.
/// </summary>
static class StackedBenchCommand
{
    const string CudaStacks = "1,16,64,256";
    const string CpuStacks = "1,16";

    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Timed training steps per measurement.", DefaultValueFactory = _ => 20 };
        var stacks = new Option<string?>("--stacks")
        {
            Description = $"Comma-separated stack sizes R for the anchor (default {CudaStacks} on CUDA, {CpuStacks} on CPU).",
        };
        var model = new Option<string>("--model") { Description = "Anchor model(s) to time: mlp, transformer or all.", DefaultValueFactory = _ => "all" };
        model.AcceptOnlyFromAmong("mlp", "transformer", "all");
        var defaultRuns = new Option<int>("--default-runs") { Description = "Runs of the default experiment, stacked vs one after another, with the MLP (0 skips).", DefaultValueFactory = _ => 8 };
        var defaultSteps = new Option<int>("--default-steps") { Description = "Steps of each default-experiment run.", DefaultValueFactory = _ => 300 };
        var placement = CommonOptions.Placement();
        var command = new Command("stacked", $"""
            Time single runs against stacked runs (steps/s and run-steps/s) at the anchor (a+b mod 113, 30% train,
            full batch): its MLP and its transformer alone and stacked R times, then the default experiment's runs
            stacked against the same runs one after another. On CPU the default sizes stay at {CpuStacks}: the anchor
            transformer stacked 64 times takes several minutes on two cores, 256 times far longer.

            Examples:
              grokdsl bench stacked
              grokdsl bench stacked --device cuda                       # R = {CudaStacks}
              grokdsl bench stacked --model transformer --steps 5 --stacks 1,4 --default-runs 0
            """)
        {
            steps, stacks, model, defaultRuns, defaultSteps,
        };
        foreach (var option in placement.All) command.Options.Add(option);
        command.SetAction(result => placement.Parse(result) is { } where
            ? Run(result.GetValue(steps), result.GetValue(stacks), result.GetValue(model)!, result.GetValue(defaultRuns), result.GetValue(defaultSteps), where)
            : ExitCodes.InvalidExperiment);
        return command;
    }

    static int Run(int steps, string? stackSizes, string model, int defaultRuns, int defaultSteps, Placement placement)
    {
        if (CommonOptions.SelectDevice(placement) is not { } device) return ExitCodes.InvalidExperiment;
        stackSizes ??= device.IsCuda ? CudaStacks : CpuStacks;
        if (ParseSizes(stackSizes) is not { } sizes)
        {
            Console.Error.WriteLine($"error: --stacks '{stackSizes}': expected comma-separated positive whole numbers, e.g. 1,16,64");
            return ExitCodes.InvalidExperiment;
        }
        Anchor[] anchors = model switch { "mlp" => [Anchors.Mlp], "transformer" => [Anchors.Transformer], _ => [Anchors.Mlp, Anchors.Transformer] };
        using var scratch = new ScratchRuns("stacked");
        var runs = scratch.Path;
        using var host = PluginHost.Load(PluginFolders.Default([]));
        Console.WriteLine($"device {device.Name}, {TorchSharp.torch.get_num_threads()} threads, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var anchor in anchors) TimeAnchor(host, anchor, steps, sizes, runs, device);
        if (defaultRuns > 0 && anchors.Contains(Anchors.Mlp)) TimeDefaultExperiment(host, defaultRuns, defaultSteps, runs, device);
        return ExitCodes.Ok;
    }

    static int[]? ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var sizes = parts.Select(p => int.TryParse(p.Trim(), out var size) && size >= 1 ? size : 0).ToArray();
        return sizes.Length > 0 && !sizes.Contains(0) ? sizes : null;
    }

    static void TimeAnchor(PluginHost host, Anchor anchor, int steps, int[] sizes, string runs, SelectedDevice device)
    {
        Console.WriteLine($"anchor {anchor.Name}: a+b mod 113, 30% train, full batch, {anchor.Description}, {steps} steps (evaluated at the first and last)");
        var single = Single(host, anchor.Spec(steps, 0), runs, device);
        var table = TablePrinter.Plain("runs", "steps/s", "run-steps/s", "vs single").RightAligned(1, 2, 3);
        table.AddPlainRow("single run", Rate(steps / single), Rate(steps / single), "1.00x");
        foreach (var size in sizes)
        {
            var seconds = Stacked(host, [.. Enumerable.Range(0, size).Select(seed => anchor.Spec(steps, seed))], runs, device);
            table.AddPlainRow($"stacked R={size}", Rate(steps / seconds), Rate(size * steps / seconds), $"{size * steps / seconds / (steps / single):0.00}x");
        }
        TablePrinter.Print(table);
    }

    static void TimeDefaultExperiment(PluginHost host, int defaultRuns, int defaultSteps, string runs, SelectedDevice device)
    {
        var experiment = new ModularAddition() with { Stopping = new() { MaxSteps = defaultSteps, StopAfterGrokking = false } };
        var seeds = Enumerable.Range(0, defaultRuns).Select(seed => (experiment with { Seed = seed }).ToRunSpec()).ToList();
        var clock = Stopwatch.StartNew();
        var alone = Coordinator(host, device);
        foreach (var run in seeds) alone.Train(run, runs, force: true, CancellationToken.None);
        var sequential = clock.Elapsed.TotalSeconds;
        clock.Restart();
        Coordinator(host, device, stack: true).Train(seeds, runs, RunControl.None, force: static _ => true);
        var stacked = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"default experiment, {defaultRuns} runs x {defaultSteps} steps (evaluation, weight-norm measure, metrics files, reports off):");
        var table = TablePrinter.Plain("runs", "seconds", "run-steps/s", "speed-up").RightAligned(1, 2, 3);
        table.AddPlainRow("one after another", $"{sequential:0.00}", $"{defaultRuns * defaultSteps / sequential:0.0}", "1.00x");
        table.AddPlainRow("stacked", $"{stacked:0.00}", $"{defaultRuns * defaultSteps / stacked:0.0}", $"{sequential / stacked:0.00}x (target >= 2x)");
        TablePrinter.Print(table);
        PrintCeiling(host, seeds[0], device, defaultRuns * defaultSteps / sequential);
    }

    // The measured reason when stacking falls short on a compute-bound device: no schedule can do a run-step in less
    // time than its matrix products take at the device's best matrix-product throughput.
    static void PrintCeiling(PluginHost host, RunSpec spec, SelectedDevice device, double sequentialRate)
    {
        using var components = TrainingComponents.Create(spec, host, device.Device);
        var flops = MatmulCeiling.StepFlops(components, spec.Training.EvaluateEvery);
        var gflops = MatmulCeiling.MeasureGflops(device.Device);
        var bound = gflops * 1e9 / flops;
        Console.WriteLine($"  ceiling               {flops / 1e9:0.00} GFLOP of matrix products per run-step at {gflops:0} GFLOP/s (1024x1024 float32): " +
                          $"at most {bound:0.0} run-steps/s, {bound / sequentialRate:0.00}x one after another");
    }

    /// <summary>The training loop's own time, as the run records it.</summary>
    internal static double Single(PluginHost host, RunSpec spec, string runs, SelectedDevice device) =>
        Coordinator(host, device).Train(spec, runs, force: true, CancellationToken.None).Summary.WallSeconds;

    static double Stacked(PluginHost host, IReadOnlyList<RunSpec> specs, string runs, SelectedDevice device) =>
        Coordinator(host, device, stack: true).TrainStack(specs, runs, resume: false, RunControl.None).Max(r => r.Summary.WallSeconds);

    static RunCoordinator Coordinator(PluginHost host, SelectedDevice device, bool stack = false) =>
        new(host, SilentObserver.Instance, new Placement(device.Name, device.LibTorchFolder, stack), device);

    static string Rate(double perSecond) => perSecond.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
