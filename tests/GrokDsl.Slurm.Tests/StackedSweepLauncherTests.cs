using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Cli;
using GrokDsl.Cli.Launchers;
using GrokDsl.Cli.Launchers.Slurm;
using GrokDsl.Experiments;
using GrokDsl.Overrides;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Slurm.Tests;

/// <summary>
/// <c>grokdsl sweep --launcher slurm --stack</c>: the stacked-sweep scheduler's stacks become the array's tasks.
/// Planning builds each distinct dataset and model once; only the local launcher test trains (six 10-step runs).
/// </summary>
public sealed class StackedSweepLauncherTests : IDisposable
{
    readonly string _runs = Directory.CreateTempSubdirectory("grokdsl-slurm-stacked-").FullName;
    readonly FakeSlurm _slurm = new();
    readonly StringWriter _output = new(), _error = new();

    // Six tiny MLP runs: three seeds at each of two hidden widths. Seeds stack; widths cannot (different shapes).
    RunPlan TinyMlpSweep() => RunPlan.Create(
        ExperimentOverrides.Parse(
            ["Data.Modulus=11", "Model.EmbeddingWidth=8", "Stopping.MaxSteps=10"],
            ["Seed=0..2", "Model.HiddenWidth=16,32"]).ApplyTo(new ModularAddition()),
        ExperimentReference.From("modular-addition", null), _runs, []);

    static RunPlan Stacked(RunPlan plan)
    {
        using var plugins = PluginHost.Load(PluginFolders.Default([]));
        return plan.WithStackedTasks(plugins, StackingBudget.Default).Plan;
    }

    int Launch(RunPlan plan, bool dryRun = false) =>
        new SlurmLauncher(new SlurmOptions(Partition: "debug"), ["/opt/grokdsl"], retries: 1, _slurm, dryRun, _output, _error).Launch(plan);

    [Fact]
    public void CompatibleRunsShareAnArrayTaskAndTheScriptNamesEachTasksRunsAndPassesStack()
    {
        var plan = Stacked(TinyMlpSweep());

        var exitCode = Launch(plan);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(6, plan.Runs.Count);
        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(Enumerable.Range(0, 6), plan.Tasks.SelectMany(t => t.RunIndices).Order());
        foreach (var task in plan.Tasks)
        {
            Assert.Equal(3, task.RunIndices.Count);
            Assert.Single(task.RunIndices.Select(i => plan.Runs[i].Model.Options.Json).Distinct());
        }
        var script = File.ReadAllText(Assert.Single(_slurm.Submitted));
        Assert.Contains("#SBATCH --array=0-1\n", script);
        foreach (var task in plan.Tasks) Assert.Contains($"  [{task.Index}]={string.Join(',', task.RunIndices)}\n", script);
        Assert.Contains($"--retries 1 --device cpu {Placement.StackOption} \\\n  --task \"$SLURM_ARRAY_TASK_ID\" --run-indices \"${{runs_of_task[$SLURM_ARRAY_TASK_ID]}}\"", script);
        Assert.Contains("a requeued task resumes its unfinished runs from their checkpoints", script);
        Assert.Contains("submitted job 101: 2 array task(s), 6 run(s) of modular-addition", _output.ToString());
        var job = Assert.Single(new SlurmFolder(Path.Combine(_runs, "modular-addition")).ReadJobs());
        Assert.Equal(plan.Tasks.Select(t => t.RunIndices.Select(i => plan.Runs[i].RunId)), job.Tasks.Select(t => t.RunIds));
    }

    [Fact]
    public void AConfiguredStackMemoryReachesTheTasksCommandLineAsASizeTheyReadBack()
    {
        var stacked = Stacked(TinyMlpSweep());
        var plan = stacked with { Placement = stacked.Placement with { StackMemory = 3L << 29 } };

        var command = SweepTaskInvocation.For(plan, ["/opt/grokdsl"], retries: 1);
        Launch(plan, dryRun: true);

        var memory = command.ToList().IndexOf(Placement.StackMemoryOption);
        Assert.Equal(3L << 29, GrokDsl.Runtime.Stacking.MemorySize.Parse(command[memory + 1]));
        Assert.Contains($"{Placement.StackOption} {Placement.StackMemoryOption} 1536M", _output.ToString());
        Assert.DoesNotContain(Placement.StackMemoryOption, SweepTaskInvocation.For(Stacked(TinyMlpSweep()), ["/opt/grokdsl"], retries: 1));
    }

    [Fact]
    public void WithoutStackEveryRunKeepsItsOwnTaskAndTheTasksAreNotToldToStack()
    {
        var exitCode = Launch(TinyMlpSweep(), dryRun: true);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("#SBATCH --array=0-5\n", _output.ToString());
        Assert.DoesNotContain(Placement.StackOption, _output.ToString());
    }

    [Fact]
    public void RunsThePlannerLeavesAloneGetATaskEach()
    {
        // Gromov 2023 trains with MSE loss, which is not stacked: its three seeds stay apart.
        var plan = Stacked(RunPlan.Create(new Gromov2023(), ExperimentReference.From("gromov-2023", null), _runs, []));

        Assert.Equal([[0], [1], [2]], plan.Tasks.Select(t => t.RunIndices.ToArray()));
        Assert.True(plan.Placement.Stack);
    }

    [Fact]
    public void TheLocalLauncherTrainsTheSweepStackedIntoOrdinaryRunDirectories()
    {
        var exitCode = new LocalLauncher(_output, _error, quiet: true, new SweepPolicy()).Launch(TinyMlpSweep() with { Placement = new Placement(Stack: true) });

        Assert.True(exitCode == ExitCodes.Ok, _output + "\n" + _error);
        Assert.Contains("stack 1: 3 runs", _output.ToString());
        Assert.Contains("stack 2: 3 runs", _output.ToString());
        Assert.Contains("6 run(s): 6 censored", _output.ToString());
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(10, TinyMlpSweep().SummaryOf(i)?.FinalStep));
    }

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    sealed class FakeSlurm : ISlurmClient
    {
        public List<string> Submitted { get; } = [];

        public string Submit(string scriptPath)
        {
            Submitted.Add(scriptPath);
            return (100 + Submitted.Count).ToString();
        }

        public IReadOnlyDictionary<int, string> ArrayTaskStates(string jobId) => new Dictionary<int, string>();

        public void Requeue(string jobId) => throw new NotSupportedException();
    }
}
