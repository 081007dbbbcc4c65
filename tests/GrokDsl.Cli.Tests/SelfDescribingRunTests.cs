using System.Diagnostics;
using GrokDsl.Reporting;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// A run directory describes itself: copied anywhere, <c>report</c> rebuilds its report from it alone (citation
/// included), and the Reproduce line, pasted into bash, makes the very same run again, even when a --set value holds spaces.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SelfDescribingRunTests
{
    const string Tiny = """
        namespace Lab;

        [Experiment("tiny-origin", Source = "Fixture et al. 2026, section 2")]
        public sealed partial record Tiny
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 8, HiddenWidth = 16 };
            public AdamW Optimizer { get; init; } = new() { WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 5, MeasureEvery = 10 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 10 };

            [Sweep(0, 1)] public int Seed { get; init; }
        }
        """;

    const string Operation = "a/b if b odd else a-b";

    [Fact]
    public void ACopiedRunIsReportedFromItsDirectoryAloneAndItsReproduceLineMakesTheSameRunAgain()
    {
        using var cli = new CliHarness();
        var file = cli.WriteFile("Tiny.cs", Tiny);
        var made = cli.Invoke("run", file, "--runs", cli.Runs, "--quiet", "--set", $"Data.Operation={Operation}", "--sweep", "Optimizer.WeightDecay=0.5,1");
        Assert.True(made.ExitCode == 0, made.Error);
        var runs = Directory.GetDirectories(Path.Combine(cli.Runs, "tiny-origin")).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        Assert.Equal(4, runs.Count);
        var original = runs.Order(StringComparer.Ordinal).Last();
        var copy = Path.Combine(cli.Folder, "elsewhere", "copied-run");
        CopyFolder(original, copy);
        File.Delete(Path.Combine(copy, RunDirectory.ReportFile));

        var reported = cli.Invoke("report", copy);

        Assert.True(reported.ExitCode == 0, reported.Error);
        var html = File.ReadAllText(Path.Combine(copy, RunDirectory.ReportFile));
        Assert.Contains("Fixture et al. 2026, section 2", html);
        var reproduce = RunReport.Load(new RunDirectory(copy)).ReproduceCommand;
        Assert.StartsWith("grokdsl run ", reproduce, StringComparison.Ordinal);
        Assert.Contains($"'Data.Operation={Operation}'", reproduce);
        Assert.Contains($"Data.Operation={Operation}", html);

        // The line as bash reads it, then run: it makes this one run (its seed and weight decay pinned), with the same id.
        var again = Path.Combine(cli.Folder, "again");
        var rerun = cli.Invoke([.. BashWords(reproduce).Skip(1), "--runs", again, "--quiet"]);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var rerunFolder = Assert.Single(Directory.GetDirectories(Path.Combine(again, "tiny-origin")));
        Assert.Equal(Path.GetFileName(original), Path.GetFileName(rerunFolder));
        Assert.Equal(File.ReadAllText(Path.Combine(original, RunDirectory.ConfigurationFile)), File.ReadAllText(Path.Combine(rerunFolder, RunDirectory.ConfigurationFile)));
    }

    // What bash makes of a command line: the words it would pass to the program.
    static IReadOnlyList<string> BashWords(string commandLine)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"printf '%s\\0' {commandLine}");
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
