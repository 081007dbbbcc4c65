using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>Parse errors exit 2, JSON prints a+b as a+b, tables are Spectre tables with one row per item.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReadableOutputTests
{
    [Theory]
    [InlineData("runs", "lst")]
    [InlineData("list", "--no-such-option")]
    [InlineData("report")]
    public void AParseErrorExitsWithTheInvalidInputCodeAndSaysWhatIsWrong(params string[] args)
    {
        using var cli = new CliHarness();

        var (exitCode, _, error) = cli.Invoke(args);

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
        Assert.NotEqual("", error.Trim());
    }

    static RunDirectory StoreRun(CliHarness cli, string runId, string operation)
    {
        var directory = RunDirectory.For(cli.Runs, "lab", runId);
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration($$"""{ "Data": { "Operation": "{{operation}}" }, "Seed": 0 }""");
        directory.WriteSummary(new RunSummary
        {
            ExperimentId = "lab", RunId = runId, Status = RunStatus.Grokked, GrokkedAtStep = 90, FinalStep = 100,
            FinalTrainAccuracy = 1, FinalTestAccuracy = 0.97, WallSeconds = 1, StepsPerSecond = 100, Device = "cpu",
            Error = "a+b <é>",
        });
        return directory;
    }

    [Fact]
    public void JsonOnScreenAndInRunFilesWritesPlusAndAccentsAsThemselves()
    {
        using var cli = new CliHarness();
        var directory = StoreRun(cli, "0a1b2c3d4e5f", "a+b");

        var (exitCode, output, error) = cli.Invoke("runs", "list", "--runs", cli.Runs, "--json");

        Assert.True(exitCode == 0, error);
        Assert.Contains("a+b <é>", output);
        Assert.DoesNotContain("\\u002B", output);
        Assert.Contains("\"Operation\": \"a+b\"", cli.Invoke("runs", "show", "0a1b", "--runs", cli.Runs, "--json").Output);
        Assert.Contains("\"error\": \"a+b <é>\"", File.ReadAllText(directory.SummaryPath));
        Assert.Equal("a+b <é>", JsonDocument.Parse(output).RootElement[0].GetProperty("summary").GetProperty("error").GetString());
    }

    [Fact]
    public void RunsListIsATableWithOneRowPerRunAndMarkupInValuesPrintedAsIs()
    {
        using var cli = new CliHarness();
        StoreRun(cli, "0a1b2c3d4e5f", "a+b");
        StoreRun(cli, "9f8e7d6c5b4a", "[red]x[/]");

        var (exitCode, output, error) = cli.Invoke("runs", "list", "--runs", cli.Runs);

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("experiment") && l.Contains("t_grok") && l.Contains("path"));
        Assert.Single(lines, l => l.Contains("0a1b2c3d4e5f") && l.Contains("grokked") && l.Contains("97.0"));
        Assert.Single(lines, l => l.Contains("9f8e7d6c5b4a"));
        // Spectre draws the table's frame; no hand-padded header line.
        Assert.Contains(lines, l => l.TrimStart().StartsWith('┌') || l.TrimStart().StartsWith('+'));
        Assert.Contains("2 run(s)", output);
    }

    [Fact]
    public void RunsSeedsPrintsNoIntervalRatherThanBracketedPlaceholders()
    {
        using var cli = new CliHarness();
        StoreRun(cli, "0a1b2c3d4e5f", "a+b");

        var (exitCode, output, error) = cli.Invoke("runs", "seeds", "--runs", cli.Runs);

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("[>, >]", output);
        Assert.Contains("1 setting(s)", output);
    }

    [Fact]
    public void TheLiveBarNamesTheRunFolderRelativeToWhereTheCommandStarted()
    {
        var below = RunDirectory.For(Path.Combine(Environment.CurrentDirectory, "runs"), "lab", "0a1b2c3d4e5f");
        var elsewhere = RunDirectory.For("/elsewhere/runs", "lab", "0a1b2c3d4e5f");

        Assert.Equal(Path.Combine("runs", "lab", "0a1b2c3d4e5f"), Terminal.ProgressBarObserver.Folder(below));
        Assert.Equal(elsewhere.Path, Terminal.ProgressBarObserver.Folder(elsewhere));
    }
}
