namespace GrokDsl.Cli.Tests;

/// <summary>
/// <c>--stack-memory</c> on every command that stacks: parsed, stated in the packing, passed to Slurm's tasks, and
/// refused with the option named and exit code 2 when it is not a size or there is no --stack.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class StackMemoryOptionTests
{
    // Two five-step seeds of a tiny MLP, which stack.
    static readonly string[] TinySweep =
    [
        "--set", "Data.Modulus=11", "--set", "Model.EmbeddingWidth=8", "--set", "Model.HiddenWidth=16",
        "--set", "Stopping.MaxSteps=5", "--set", "Measures=[]", "--sweep", "Seed=0,1",
    ];

    static readonly string[] TaskOfBothRuns = ["--task", "0", "--run-indices", "0,1"];

    [Fact]
    public void RunStatesTheConfiguredBudgetBeforeTraining()
    {
        using var cli = new CliHarness();

        var (exitCode, output, error) = cli.Invoke(["run", "modular-addition", "--runs", cli.Runs, "--quiet", "--stack", "--stack-memory", "512M", .. TinySweep]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("stack budget: 512 MiB and at most 64 runs per stack (configured with --stack-memory)", output);
        Assert.Contains("stack 1: 2 runs", output);
    }

    [Fact]
    public void ASweepTaskTrainsWithTheBudgetItIsGiven()
    {
        using var cli = new CliHarness();

        var (exitCode, output, error) = cli.Invoke(["sweep", "task", "modular-addition", "--runs", cli.Runs, "--quiet", "--stack", "--stack-memory", "1536M", .. TaskOfBothRuns, .. TinySweep]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("stack budget: 1.5 GiB and at most 64 runs per stack (configured with --stack-memory)", output);
    }

    [Fact]
    public void WithoutItALocalSweepStacksWithinHalfTheMemoryAvailableToTheProcess()
    {
        using var cli = new CliHarness();

        var (exitCode, output, error) = cli.Invoke(["sweep", "modular-addition", "--runs", cli.Runs, "--quiet", "--stack", .. TinySweep]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.Contains("of memory available to this process; --stack-memory sets another)", output);
    }

    [Fact]
    public void ASlurmSweepPacksWithinTheBudgetAndPassesItToEveryTask()
    {
        using var cli = new CliHarness();

        var (exitCode, script, packing) = cli.Invoke(["sweep", "modular-addition", "--runs", cli.Runs, "--launcher", "slurm", "--dry-run", "--stack", "--stack-memory", "1.5G", .. TinySweep]);

        Assert.True(exitCode == ExitCodes.Ok, packing);
        Assert.Contains("stack budget: 1.5 GiB and at most 64 runs per stack (configured with --stack-memory)", packing);
        Assert.Contains("--stack --stack-memory 1536M", script);
    }

    [Theory]
    [InlineData("run", "6X")]
    [InlineData("run", "512")]
    [InlineData("sweep", "0G")]
    [InlineData("sweep task", "6 parsecs")]
    public void ASizeWithoutAUnitOrWithAnUnknownOneIsRefusedNamingTheOption(string command, string size)
    {
        using var cli = new CliHarness();
        string[] task = command == "sweep task" ? TaskOfBothRuns : [];

        var (exitCode, _, error) = cli.Invoke([.. command.Split(' '), "modular-addition", "--runs", cli.Runs, "--stack", "--stack-memory", size, .. task, .. TinySweep]);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains($"--stack-memory '{size}': expected a positive size with a unit, e.g. 512M or 6G", error);
        Assert.False(Directory.Exists(cli.Runs));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    public void ABudgetWithoutStackIsRefused(string command)
    {
        using var cli = new CliHarness();

        var (exitCode, _, error) = cli.Invoke([command, "modular-addition", "--runs", cli.Runs, "--stack-memory", "6G", .. TinySweep]);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.Contains("--stack-memory only applies with --stack", error);
        Assert.False(Directory.Exists(cli.Runs));
    }
}
