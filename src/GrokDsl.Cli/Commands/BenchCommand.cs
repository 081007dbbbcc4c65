using System.CommandLine;
using System.Diagnostics;
using GrokDsl.Cli.Benchmarks;
using GrokDsl.Experiments;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl bench overhead</c>: the default experiment for the same number of steps as a bare
/// TorchSharp loop and through GrokDsl (plugins, metrics stream, measures, report), in one process,
/// printing both times and their ratio.
/// </summary>
static class BenchCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Training steps for each side.", DefaultValueFactory = _ => 1500 };
        var repeats = new Option<int>("--repeats") { Description = "Alternating repetitions; the best time of each side counts.", DefaultValueFactory = _ => 2 };
        var overhead = new Command("overhead", """
            Time GrokDsl against a bare TorchSharp loop of the default experiment.

            Example:
              grokdsl bench overhead --steps 1500 --repeats 3
            """) { steps, repeats };
        overhead.SetAction(result => Overhead(result.GetValue(steps), result.GetValue(repeats)));
        return new Command("bench", "Benchmarks that print numbers.\n\nExamples:\n  grokdsl bench overhead\n  grokdsl bench stacked\n  grokdsl bench memory\n  grokdsl bench cpu")
        {
            overhead, StackedBenchCommand.Create(), MemoryBenchCommand.Create(), CpuBenchCommand.Create(),
        };
    }

    static int Overhead(int steps, int repeats)
    {
        var experiment = new ModularAddition() with
        {
            Stopping = new GrokDsl.Stopping { MaxSteps = steps, StopAfterGrokking = false },
        };
        var spec = experiment.ToRunSpec();
        using var scratch = new ScratchRuns("overhead");
        var runs = scratch.Path;
        using var host = PluginHost.Load(PluginFolders.Default([]));
        Console.WriteLine($"default experiment, {steps} steps, {TorchSharp.torch.get_num_threads()} threads, best of {repeats}");

        double bare = double.MaxValue, grok = double.MaxValue, grokTraining = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var (seconds, _) = BareTorchSharpLoop.Run(experiment.Data.Modulus, experiment.Data.TrainFraction,
                experiment.Model.EmbeddingWidth, experiment.Model.HiddenWidth, steps, experiment.Training.EvaluateEvery, experiment.Seed);
            bare = Math.Min(bare, seconds);

            var clock = Stopwatch.StartNew();
            var result = new RunCoordinator(host, SilentObserver.Instance).Train(spec, runs, force: true, CancellationToken.None);
            grok = Math.Min(grok, clock.Elapsed.TotalSeconds);
            grokTraining = Math.Min(grokTraining, result.Summary.WallSeconds);
            Console.WriteLine($"  round {i + 1}: bare {seconds:0.00} s, grokdsl {clock.Elapsed.TotalSeconds:0.00} s (training loop {result.Summary.WallSeconds:0.00} s)");
        }

        Console.WriteLine($"bare TorchSharp loop     {bare,8:0.00} s  {steps / bare,7:0.0} steps/s");
        Console.WriteLine($"grokdsl (whole run)      {grok,8:0.00} s  {steps / grok,7:0.0} steps/s");
        Console.WriteLine($"grokdsl (training loop)  {grokTraining,8:0.00} s");
        Console.WriteLine($"overhead ratio           {grok / bare,8:0.000} (whole run) / {grokTraining / bare:0.000} (training loop)");
        return ExitCodes.Ok;
    }
}
