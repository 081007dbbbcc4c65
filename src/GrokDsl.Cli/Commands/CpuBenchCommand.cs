using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using System.CommandLine;
using GrokDsl.Cli.Terminal;
using GrokDsl.Cli.Benchmarks;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl bench cpu</c>: in one run, the CPU figures a new user meets: steps/s of the two anchors
/// (<see cref="Anchors"/>) and each as a fraction of the measured matrix-product ceiling, the default experiment's time
/// to grok, the peak resident memory of each; and, when a Python with torch is there, the same three workloads in
/// PyTorch (bench/pytorch_cpu.py) with the GrokDsl/PyTorch ratios.
/// </summary>
static class CpuBenchCommand
{
    // Untimed steps before the timed ones: the first steps pay for first calls, the step-0 evaluation and allocation.
    const int WarmupSteps = 5;

    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Timed training steps of each anchor (after 5 untimed).", DefaultValueFactory = _ => 30 };
        var python = new Option<string>("--python") { Description = "The Python to run the PyTorch comparison with.", DefaultValueFactory = _ => "python3" };
        var noPyTorch = new Option<bool>("--no-pytorch") { Description = "Skip the PyTorch comparison." };
        var command = new Command("cpu", """
            CPU speed and memory in one run: steps/s of the anchor MLP and transformer (a+b mod 113, 30% train, full
            batch) and each as a fraction of this machine's best float32 matrix product, the default experiment's time
            to grok, and the peak resident memory of each. With python3 and torch present, the same workloads in
            PyTorch (bench/pytorch_cpu.py) and the GrokDsl/PyTorch ratios. Takes a few minutes on two cores.

            Examples:
              grokdsl bench cpu
              grokdsl bench cpu --steps 10 --no-pytorch
              grokdsl bench cpu --python /usr/bin/python3
            """)
        {
            steps, python, noPyTorch,
        };
        command.SetAction(result => Run(result.GetValue(steps), result.GetValue(python)!, result.GetValue(noPyTorch)));
        return command;
    }

    sealed record Measured(string Name, double Value, string Unit, double? PeakMiB, string Detail);

    static int Run(int steps, string python, bool noPyTorch)
    {
        if (steps < 1)
        {
            Console.Error.WriteLine($"error: --steps {steps}: must be at least 1");
            return ExitCodes.InvalidExperiment;
        }
        if (CommonOptions.SelectDevice(Placement.Cpu) is not { } device) return ExitCodes.Failed;
        using var scratch = new ScratchRuns("cpu");
        using var host = PluginHost.Load(PluginFolders.Default([]));
        var threads = TorchSharp.torch.get_num_threads();
        Console.WriteLine($"cpu, {Environment.ProcessorCount} cores, {threads} threads, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}, " +
                          $"glibc malloc settings {(GlibcMalloc.InEffect ? "in effect" : "not in effect")}, {OpenMpSpinning.Describe()}");

        var ceiling = MatmulCeiling.MeasureGflops(device.Device);
        Console.WriteLine($"matrix-product ceiling: {ceiling:0} GFLOP/s (best 1024x1024 float32 product)");
        var measured = new List<Measured>();
        foreach (var anchor in new[] { Anchors.Mlp, Anchors.Transformer })
        {
            PeakMemory.Reset();
            var rate = AnchorRate(host, anchor, steps, scratch.Path, device);
            using var components = TrainingComponents.Create(anchor.Spec(steps, 0), host, device.Device);
            var flops = MatmulCeiling.StepFlops(components, evaluateEvery: int.MaxValue);
            var detail = $"{rate * flops / 1e9:0} GFLOP/s of {flops / 1e9:0.00} GFLOP per step, {rate * flops / 1e9 / ceiling:0%} of the ceiling";
            measured.Add(new($"anchor {anchor.Name}", rate, "steps/s", PeakMemory.MiB(), detail));
            Console.WriteLine($"  {measured[^1].Name}: {rate:0.00} steps/s ({detail})");
        }

        PeakMemory.Reset();
        var summary = new RunCoordinator(host, SilentObserver.Instance, Placement.Cpu, device)
            .Train(new ModularAddition().ToRunSpec(), scratch.Path, force: true, CancellationToken.None).Summary;
        measured.Add(new("default experiment, time to grok", summary.WallSeconds, "s", PeakMemory.MiB(),
            summary.GrokkedAtStep is { } grokked ? $"memorized at step {summary.MemorizedAtStep}, grokked at step {grokked}" : "did not grok"));
        Console.WriteLine($"  {measured[^1].Name}: {summary.WallSeconds:0.0} s ({measured[^1].Detail})");

        var pytorch = noPyTorch
            ? new PyTorchResults(null, null, null, null, null, null, "--no-pytorch")
            : PyTorchComparison.Run(python, threads, steps, line => Console.WriteLine($"  pytorch: {line}"));
        Print(measured, pytorch);
        return ExitCodes.Ok;
    }

    // Steady-state steps/s: the training loop's time for warm-up + timed steps less its time for the warm-up alone, so
    // start-up, first calls and the evaluations at the first and last step cancel.
    static double AnchorRate(PluginHost host, Anchor anchor, int steps, string runs, SelectedDevice device)
    {
        var warmup = StackedBenchCommand.Single(host, anchor.Spec(WarmupSteps, 0), runs, device);
        var whole = StackedBenchCommand.Single(host, anchor.Spec(WarmupSteps + steps, 0), runs, device);
        return steps / Math.Max(whole - warmup, 1e-9);
    }

    static void Print(IReadOnlyList<Measured> grokdsl, PyTorchResults pytorch)
    {
        Console.WriteLine();
        var title = pytorch.Version is not null ? $"PyTorch {pytorch.Version}" : "PyTorch";
        var table = TablePrinter.Plain("workload", "GrokDsl", title, "GrokDsl/PyTorch", "peak RSS MiB");
        double?[] reference = [pytorch.MlpStepsPerSecond, pytorch.TransformerStepsPerSecond, pytorch.DefaultSeconds];
        for (var i = 0; i < grokdsl.Count; i++)
        {
            var (ours, theirs) = (grokdsl[i], reference[i]);
            // Speed-up: a rate divides by theirs, a time divides theirs.
            var ratio = theirs is { } t ? (ours.Unit == "s" ? t / ours.Value : ours.Value / t) : (double?)null;
            table.AddPlainRow($"{ours.Name} ({ours.Unit})", ours.Value.ToString("0.00"), theirs is { } v ? v.ToString("0.00") : "-",
                ratio is { } r ? r.ToString("0.00") + "x" : "-", ours.PeakMiB is { } peak ? peak.ToString("0") : "n/a");
        }
        TablePrinter.Print(table.RightAligned(1, 2, 3, 4));
        if (pytorch.PeakResidentMiB is { } theirPeak) Console.WriteLine($"PyTorch peak RSS (whole script): {theirPeak:0} MiB");
        if (pytorch.DefaultGrokkedAt is { } step) Console.WriteLine($"PyTorch default experiment grokked at step {step} (its own split and initialization)");
        if (pytorch.Problem is not null) Console.WriteLine($"PyTorch comparison incomplete: {pytorch.Problem}");
        Console.WriteLine("targets (issue 20): anchors >= 60% of the ceiling, >= 1.3x PyTorch; default experiment <= 30 s to grok, peak RSS <= 600 MiB");
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
