using GrokDsl.Runs;
using GrokDsl.Runs.Exports;

namespace GrokDsl.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class RunsExportTests
{
    static void StoreRun(CliHarness cli, string runId, int seed)
    {
        var directory = RunDirectory.For(cli.Runs, "lab", runId);
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration($$"""{ "Seed": {{seed}} }""");
        using (var metrics = MetricsFile.Create(directory.MetricsPath))
        {
            metrics.Append(new MetricRecord(0, 4.5, 0.01, 4.6, 0.02, 0));
            metrics.Append(new MetricRecord(10, 0.5, 1, 0.7, 0.9, 1));
        }
    }

    [Fact]
    public void ExportWritesTheTablesAndTheEventFilesOfTheRunsTheFilterChooses()
    {
        using var cli = new CliHarness();
        StoreRun(cli, "0a1b2c3d4e5f", 0);
        StoreRun(cli, "9f8e7d6c5b4a", 1);
        var (output, logdir) = (Path.Combine(cli.Folder, "export"), Path.Combine(cli.Folder, "tb"));

        var (exitCode, printed, error) = cli.Invoke("runs", "export", "--runs", cli.Runs, "-w", "Seed=1", "-o", output, "--tensorboard", logdir);

        Assert.True(exitCode == 0, error);
        Assert.Contains("1 run(s) exported", printed);
        var metrics = File.ReadAllLines(Path.Combine(output, CsvExport.MetricsFile));
        Assert.Equal(3, metrics.Length);
        Assert.All(metrics.Skip(1), line => Assert.StartsWith("lab,9f8e7d6c5b4a,", line));
        Assert.Contains("unfinished", File.ReadAllText(Path.Combine(output, CsvExport.RunsFile)));
        Assert.Single(Directory.GetFiles(Path.Combine(logdir, "lab", "9f8e7d6c5b4a"), TensorBoardExport.FilePrefix + "*"));
        Assert.False(Directory.Exists(Path.Combine(logdir, "lab", "0a1b2c3d4e5f")));
    }

    [Fact]
    public void ParquetWritesTheSameTwoTablesAsParquetFiles()
    {
        using var cli = new CliHarness();
        StoreRun(cli, "0a1b2c3d4e5f", 0);
        var output = Path.Combine(cli.Folder, "export");

        var (exitCode, printed, error) = cli.Invoke("runs", "export", "--runs", cli.Runs, "-o", output, "--format", "parquet");

        Assert.True(exitCode == 0, error);
        Assert.Contains($"wrote {Path.Combine(output, ParquetExport.MetricsFile)}", printed);
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(Path.Combine(output, ParquetExport.RunsFile))[..4]);
        Assert.False(File.Exists(Path.Combine(output, CsvExport.MetricsFile)));
    }

    [Fact]
    public void AnUnknownFormatIsInvalidInput()
    {
        using var cli = new CliHarness();

        var (exitCode, _, _) = cli.Invoke("runs", "export", "--runs", cli.Runs, "--format", "xlsx");

        Assert.Equal(ExitCodes.InvalidExperiment, exitCode);
    }
}
