using System.CommandLine;
using System.Text.Json;

namespace GrokDsl.Cli.Tests;

/// <summary>What every command promises: help with examples, documented exit codes, JSON for scripts, plain output, --quiet/--verbose.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandLineConventionTests
{
    const string TinyExperiment = """
        namespace Lab;

        [Experiment("tiny-json")]
        public sealed partial record TinyJson
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 20 };

            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    // Hidden commands (`sweep task`, run by Slurm array tasks) are not for people.
    static IEnumerable<string[]> CommandPaths(Command command, string[] path)
    {
        yield return path;
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            foreach (var p in CommandPaths(sub, [.. path, sub.Name])) yield return p;
    }

    public static TheoryData<string> Commands() =>
        [.. CommandPaths(GrokDslCommand.Create(), []).Select(p => string.Join(' ', p))];

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommandsHelpHasExamplesAndTheGlobalOptions(string command)
    {
        using var cli = new CliHarness();
        string[] path = command.Length == 0 ? [] : command.Split(' ');

        var (exitCode, output, _) = cli.Invoke([.. path, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Example", output);
        Assert.Contains($"grokdsl {command}".TrimEnd(), output);
        Assert.Contains("--quiet", output);
        Assert.Contains("--verbose", output);
    }

    [Fact]
    public void TheRootHelpDocumentsEveryExitCode()
    {
        using var cli = new CliHarness();
        var (_, output, _) = cli.Invoke("--help");

        foreach (var code in new[] { ExitCodes.Ok, ExitCodes.Failed, ExitCodes.InvalidExperiment, ExitCodes.Diverged, ExitCodes.Interrupted })
            Assert.Matches($@"(?m)^\s+{code}\s+\S", output);
    }

    [Fact]
    public void RunWithJsonPrintsOneParsableLinePerRunAndNoTerminalCodes()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyJson.cs", TinyExperiment);

        var (exitCode, output, error) = cli.Invoke("run", file, "--runs", cli.Runs, "--json");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            var run = JsonDocument.Parse(line).RootElement;
            Assert.True(Directory.Exists(run.GetProperty("path").GetString()));
            Assert.Equal("censored", run.GetProperty("summary").GetProperty("status").GetString());
            Assert.Equal(20, run.GetProperty("summary").GetProperty("finalStep").GetInt64());
        }
        Assert.DoesNotContain('\u001b', output + error); // not a terminal: plain text, no ANSI escapes
    }

    [Fact]
    public void QuietPrintsOnlyResultsAndVerbosePrintsEveryEvaluation()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyJson.cs", TinyExperiment);

        var quiet = cli.Invoke("run", file, "--runs", Path.Combine(cli.Folder, "quiet"), "--quiet");
        var verbose = cli.Invoke("--verbose", "run", file, "--runs", Path.Combine(cli.Folder, "verbose"));

        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("step ", quiet.Output);
        Assert.Equal(0, verbose.ExitCode);
        // Steps 0, 5, ..., 20 of each of the two runs, each on its own line.
        Assert.Equal(10, verbose.Output.Split('\n').Count(line => line.TrimStart().StartsWith("step ", StringComparison.Ordinal)));
        Assert.Contains("--verbose", cli.Invoke("run", "--help").Output);
    }

    [Fact]
    public void ListAndPluginsListPrintJson()
    {
        using var cli = new CliHarness();

        var experiments = JsonDocument.Parse(cli.Invoke("list", "--json").Output).RootElement;
        var plugins = JsonDocument.Parse(cli.Invoke("plugins", "list", "--json").Output).RootElement;

        Assert.Contains(experiments.EnumerateArray(), e => e.GetProperty("id").GetString() == "modular-addition");
        Assert.Contains(plugins.GetProperty("plugins").EnumerateArray(), p => p.GetProperty("id").GetString() == "grokdsl.mlp" && p.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public void AnUnwritableRunsFolderFailsTheRunsNamingThePathAndLeavesItIntact()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("TinyJson.cs", TinyExperiment);
        // A file where the runs folder should be: creating the run folder fails as on a read-only or full volume (also as root).
        var blocked = cli.WriteFile("runs", "not a folder");

        var (exitCode, _, error) = cli.Invoke("run", file, "--runs", blocked, "--quiet");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains(blocked, error);
        Assert.Equal("not a folder", File.ReadAllText(blocked));
    }
}
