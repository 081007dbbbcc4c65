using System.CommandLine;
using System.Diagnostics;
using GrokDsl.Cli.Benchmarks;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl bench stacked</c>: steps/s and run-steps/s of one run against R runs stacked, at the measured anchor
/// (a+b mod 113, 30% train, full batch, Embedding 128, hidden 512, AdamW; ../shared/bench/pytorch_reference.py),
/// then the default experiment's target: R stacked runs against the same R runs one after another.
/// </summary>
static class StackedBenchCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Timed training steps per measurement.", DefaultValueFactory = _ => 20 };
        var stacks = new Option<string>("--stacks") { Description = "Comma-separated stack sizes R for the anchor.", DefaultValueFactory = _ => "1,16,64" };
        var defaultRuns = new Option<int>("--default-runs") { Description = "Runs of the default experiment, stacked vs one after another (0 skips).", DefaultValueFactory = _ => 8 };
        var defaultSteps = new Option<int>("--default-steps") { Description = "Steps of each default-experiment run.", DefaultValueFactory = _ => 300 };
        var device = CommonOptions.Device();
        var torchLib = CommonOptions.TorchLib();
        var command = new Command("stacked", """
            Time single runs against stacked runs (steps/s and run-steps/s): the anchor MLP (a+b mod 113,
            30% train, full batch) alone and stacked R times, then the default experiment's runs stacked
            against the same runs one after another.

            Examples:
              grokdsl bench stacked
              grokdsl bench stacked --stacks 1,16,64,256 --device cuda
            """)
        {
            steps, stacks, defaultRuns, defaultSteps, device, torchLib,
        };
        command.SetAction(result => Run(result.GetValue(steps), result.GetValue(stacks)!, result.GetValue(defaultRuns), result.GetValue(defaultSteps),
            result.GetValue(device), result.GetValue(torchLib)));
        return command;
    }

    static int Run(int steps, string stackSizes, int defaultRuns, int defaultSteps, string? deviceName, string? torchLib)
    {
        int[] sizes;
        try
        {
            sizes = [.. stackSizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Trim()))];
        }
        catch (FormatException)
        {
            Console.Error.WriteLine($"error: --stacks '{stackSizes}': expected comma-separated whole numbers, e.g. 1,16,64");
            return ExitCodes.Failed;
        }
        if (CommonOptions.SelectDevice(deviceName, "cpu", torchLib) is not { } device) return ExitCodes.Failed;
        var runs = Path.Combine(Path.GetTempPath(), $"grokdsl-bench-stacked-{Environment.ProcessId}");
        using var host = PluginHost.Load(PluginFolders.Default([]));
        Console.WriteLine($"device {device.Name}, {TorchSharp.torch.get_num_threads()} threads, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        try
        {
            var anchor = new ModularAddition() with
            {
                Data = new() { Modulus = 113, TrainFraction = 0.3 },
                Model = new() { EmbeddingWidth = 128, HiddenWidth = 512 },
                Training = new() { EvaluateEvery = steps, MeasureEvery = steps },
                Stopping = new() { MaxSteps = steps, StopAfterGrokking = false },
                Measures = [],
            };
            Console.WriteLine($"anchor: a+b mod 113, 30% train, full batch, MLP 128/512, {steps} steps (evaluated at the first and last)");
            var single = Single(host, anchor, runs, device);
            Console.WriteLine($"  single run            {steps / single,10:0.0} steps/s  {steps / single,10:0.0} run-steps/s");
            foreach (var size in sizes)
            {
                var seconds = Stacked(host, Enumerable.Range(0, size).Select(seed => anchor with { Seed = seed }), runs, device);
                Console.WriteLine($"  stacked R={size,-4}        {steps / seconds,10:0.0} steps/s  {size * steps / seconds,10:0.0} run-steps/s  ({size * steps / seconds / (steps / single):0.00}x single)");
            }

            if (defaultRuns > 0)
            {
                var experiment = new ModularAddition() with { Stopping = new() { MaxSteps = defaultSteps, StopAfterGrokking = false } };
                var seeds = Enumerable.Range(0, defaultRuns).Select(seed => experiment with { Seed = seed }).ToList();
                var clock = Stopwatch.StartNew();
                foreach (var run in seeds)
                    new RunExecutor(host, SilentObserver.Instance) { Device = device }.Execute(run.ToRunSpec(), runs, force: true, CancellationToken.None);
                var sequential = clock.Elapsed.TotalSeconds;
                clock.Restart();
                new StackedSweepExecutor(host, SilentObserver.Instance) { Device = device }
                    .Run([.. seeds.Select(s => s.ToRunSpec())], runs, force: true, new RunControl(CancellationToken.None));
                var stacked = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"default experiment, {defaultRuns} runs x {defaultSteps} steps (evaluation, weight-norm measure, metrics files, reports off):");
                Console.WriteLine($"  one after another     {sequential,8:0.00} s  {defaultRuns * defaultSteps / sequential,10:0.0} run-steps/s");
                Console.WriteLine($"  stacked               {stacked,8:0.00} s  {defaultRuns * defaultSteps / stacked,10:0.0} run-steps/s  ({sequential / stacked:0.00}x; target >= 2x)");
                PrintCeiling(host, seeds[0], device, defaultRuns * defaultSteps / sequential);
            }
        }
        finally
        {
            if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
        }
        return ExitCodes.Ok;
    }

    // The measured reason when stacking falls short on a compute-bound device: no schedule can do a run-step in less
    // time than its matrix products take at the device's best matrix-product throughput.
    static void PrintCeiling(PluginHost host, ModularAddition experiment, SelectedDevice device, double sequentialRate)
    {
        var spec = experiment.ToRunSpec();
        using var components = TrainingComponents.Create(spec, host, device.Device);
        var flops = MatmulCeiling.StepFlops(components, spec.Training.EvaluateEvery);
        var gflops = MatmulCeiling.MeasureGflops(device.Device);
        var bound = gflops * 1e9 / flops;
        Console.WriteLine($"  ceiling               {flops / 1e9:0.00} GFLOP of matrix products per run-step at {gflops:0} GFLOP/s (1024x1024 float32): " +
                          $"at most {bound:0.0} run-steps/s, {bound / sequentialRate:0.00}x one after another");
    }

    // The training loop's own time, as the run records it.
    static double Single(PluginHost host, ModularAddition experiment, string runs, SelectedDevice device) =>
        new RunExecutor(host, SilentObserver.Instance) { Device = device }
            .Execute(experiment.ToRunSpec(), runs, force: true, CancellationToken.None).Summary.WallSeconds;

    static double Stacked(PluginHost host, IEnumerable<ModularAddition> experiments, string runs, SelectedDevice device)
    {
        var specs = experiments.Select(e => e.ToRunSpec()).ToList();
        var executor = new StackedSweepExecutor(host, SilentObserver.Instance) { Device = device };
        return executor.RunStack(specs, runs, new RunControl(CancellationToken.None)).Max(r => r.Result.Summary.WallSeconds);
    }
}
