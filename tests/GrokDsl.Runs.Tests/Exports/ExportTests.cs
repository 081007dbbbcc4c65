using System.Globalization;
using CsvHelper;
using GrokDsl.Runs.Exports;
using Parquet;

namespace GrokDsl.Runs.Tests.Exports;

public sealed class ExportTests
{
    static readonly MetricRecord[] Records =
    [
        new(0, 4.5, 0.01, 4.6, 0.02, 0.0, new Dictionary<string, double> { ["weight-norm.total"] = 12.5 }),
        new(5, 2.25, 0.5, null, null, 0.125),
        new(10, 0.001, 1.0, 3.75, 0.125, 0.25, new Dictionary<string, double> { ["weight-norm.total"] = 11.0, ["fourier.sparsity"] = double.NaN }),
    ];

    static RunDirectory MakeRun(string root, string runId, string operation, IEnumerable<MetricRecord> records)
    {
        var directory = RunDirectory.For(root, "lab", runId);
        Directory.CreateDirectory(directory.Path);
        directory.WriteConfiguration($$"""{ "Data": { "Operation": "{{operation}}" }, "Seed": 3 }""");
        using (var metrics = MetricsFile.Create(directory.MetricsPath))
            foreach (var record in records) metrics.Append(record);
        directory.WriteSummary(new RunSummary
        {
            ExperimentId = "lab", RunId = runId, Status = RunStatus.Censored, MemorizedAtStep = 10, FinalStep = 10,
            FinalTrainAccuracy = 1, FinalTestAccuracy = 0.125, WallSeconds = 0.25, StepsPerSecond = 40, Device = "cpu",
        });
        return directory;
    }

    [Fact]
    public void Crc32CMatchesTheCastagnoliCheckValue() =>
        // The standard check value of CRC-32C over the ASCII digits 1..9.
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void MetricsCsvReadsBackToTheRecordsOfEveryRun()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "0a1b2c3d4e5f", "a+b", Records);
        MakeRun(root.Path, "9f8e7d6c5b4a", "a-b", Records[..1]);

        CsvExport.Write([.. RunStore.List(root.Path)], Path.Combine(root.Path, "export"));

        var rows = ReadCsv(Path.Combine(root.Path, "export", CsvExport.MetricsFile));
        Assert.Equal(4, rows.Count);
        var first = rows.Where(r => r["run_id"] == "0a1b2c3d4e5f").ToList();
        for (var i = 0; i < Records.Length; i++)
        {
            var (row, record) = (first[i], Records[i]);
            Assert.Equal(record.Step, long.Parse(row["step"], CultureInfo.InvariantCulture));
            Assert.Equal(record.TrainLoss, double.Parse(row["train_loss"], CultureInfo.InvariantCulture));
            Assert.Equal(record.TestAccuracy, Optional(row["test_accuracy"]));
            Assert.Equal(record.Measures?.GetValueOrDefault("weight-norm.total"), Optional(row["weight-norm.total"]));
        }
        Assert.Equal("NaN", first[2]["fourier.sparsity"]);
        Assert.Equal("", first[0]["fourier.sparsity"]);
    }

    [Fact]
    public void RunsCsvHasOneRowPerRunWithItsSummaryAndConfiguration()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "0a1b2c3d4e5f", "a+b", Records);

        CsvExport.Write([.. RunStore.List(root.Path)], root.Path);

        var row = Assert.Single(ReadCsv(Path.Combine(root.Path, CsvExport.RunsFile)));
        Assert.Equal("censored", row["status"]);
        Assert.Equal("10", row["memorized_at_step"]);
        Assert.Equal("", row["grokked_at_step"]);
        Assert.Equal("0.125", row["final_test_accuracy"]);
        Assert.Equal("a+b", row["Data.Operation"]);
        Assert.Equal("3", row["Seed"]);
    }

    [Fact]
    public async Task ParquetTablesReadBackToTheRecordsAndSummariesWithTypedColumns()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "0a1b2c3d4e5f", "a+b", Records);
        var folder = Path.Combine(root.Path, "export");

        ParquetExport.Write([.. RunStore.List(root.Path)], folder);

        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(folder, ParquetExport.MetricsFile)))
        {
            using var group = reader.OpenRowGroupReader(0);
            var fields = reader.Schema.GetDataFields().ToDictionary(field => field.Name);
            Assert.Equal(Records.Length, group.RowCount);
            var (steps, testLoss, norms) = (new long?[Records.Length], new double?[Records.Length], new double?[Records.Length]);
            await group.ReadAsync<long>(fields["step"], steps.AsMemory(), null, CancellationToken.None);
            await group.ReadAsync<double>(fields["test_loss"], testLoss.AsMemory(), null, CancellationToken.None);
            await group.ReadAsync<double>(fields["weight-norm.total"], norms.AsMemory(), null, CancellationToken.None);
            Assert.Equal(Records.Select(r => (long?)r.Step), steps);
            Assert.Equal(Records.Select(r => r.TestLoss), testLoss);
            Assert.Equal(Records.Select(r => r.Measures?.GetValueOrDefault("weight-norm.total")), norms);
        }
        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(folder, ParquetExport.RunsFile)))
        {
            using var group = reader.OpenRowGroupReader(0);
            var fields = reader.Schema.GetDataFields().ToDictionary(field => field.Name);
            var (status, operation, grokked) = (new string?[1], new string?[1], new long?[1]);
            await group.ReadAsync(fields["status"], status.AsMemory(), null, CancellationToken.None);
            await group.ReadAsync(fields["Data.Operation"], operation.AsMemory(), null, CancellationToken.None);
            await group.ReadAsync<long>(fields["grokked_at_step"], grokked.AsMemory(), null, CancellationToken.None);
            Assert.Equal(("censored", "a+b", (long?)null), (status[0], operation[0], grokked[0]));
        }
    }

    [Fact]
    public void TensorBoardEventFilesReadBackToTheRecordsWithValidFraming()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "0a1b2c3d4e5f", "a+b", Records);
        var logdir = Path.Combine(root.Path, "tensorboard");

        var path = Assert.Single(TensorBoardExport.Write(RunStore.List(root.Path), logdir));

        Assert.Equal(Path.Combine(logdir, "lab", "0a1b2c3d4e5f"), Path.GetDirectoryName(path));
        Assert.StartsWith(TensorBoardExport.FilePrefix, Path.GetFileName(path));
        var events = TensorBoardReader.Read(path);
        Assert.Equal(TensorBoardEvent.FileVersion, events[0].FileVersion);
        Assert.Equal(Records.Length, events.Count - 1);
        for (var i = 0; i < Records.Length; i++)
        {
            var (read, record) = (events[i + 1], Records[i]);
            Assert.Equal(record.Step, read.Step);
            Assert.Equal(record.WallSeconds, read.WallTime, 6);
            Assert.Equal((float)record.TrainLoss, read.Scalars["train/loss"]);
            Assert.Equal((float)record.TrainAccuracy, read.Scalars["train/accuracy"]);
            Assert.Equal(record.TestLoss is { } l ? (float?)l : null, read.Scalars.TryGetValue("test/loss", out var v) ? v : null);
        }
        Assert.Equal(11.0f, events[3].Scalars["measures/weight-norm.total"]);
        Assert.True(float.IsNaN(events[3].Scalars["measures/fourier.sparsity"]));
    }

    [Fact]
    public void ExportingAgainReplacesTheEventFileAndACorruptByteIsCaught()
    {
        using var root = new TempFolder();
        MakeRun(root.Path, "0a1b2c3d4e5f", "a+b", Records);
        var logdir = Path.Combine(root.Path, "tensorboard");
        TensorBoardExport.Write(RunStore.List(root.Path), logdir);

        var path = Assert.Single(TensorBoardExport.Write(RunStore.List(root.Path), logdir));

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        var bytes = File.ReadAllBytes(path);
        bytes[^6] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        Assert.Throws<InvalidDataException>(() => TensorBoardReader.Read(path));
    }

    static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var csv = CsvReader.Create(File.ReadAllBytes(path), null);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var header in csv.Headers!) row[header] = csv.GetString(header);
            rows.Add(row);
        }
        return rows;
    }

    static double? Optional(string cell) => cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);
}
