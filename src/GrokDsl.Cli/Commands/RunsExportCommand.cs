using System.CommandLine;
using GrokDsl.Runs;
using GrokDsl.Runs.Exports;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl runs export</c>: the runs table and metrics as CSV or Parquet, and optionally TensorBoard event files.</summary>
static class RunsExportCommand
{
    public static Command Create()
    {
        var (runs, experiment, status, where) = (CommonOptions.Runs(), RunsCommand.Experiment(), RunsCommand.Status(), RunsCommand.Where());
        var output = new Option<string>("--output", "-o")
        {
            Description = $"Folder for {CsvExport.RunsFile} and {CsvExport.MetricsFile} (or {ParquetExport.RunsFile} and {ParquetExport.MetricsFile}).",
            DefaultValueFactory = _ => "grokdsl-export",
        };
        var format = new Option<string>("--format")
        {
            Description = "Table format: csv (text, any tool) or parquet (typed columns: pandas.read_parquet, Arrow, DuckDB).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var tensorboard = new Option<string?>("--tensorboard")
        {
            Description = "Also write TensorBoard event files, one folder per run: DIR/<experiment-id>/<run-id>/ (view with tensorboard --logdir DIR).",
        };
        var command = new Command("export", $"""
            Export runs for pandas, R, spreadsheets or TensorBoard: {CsvExport.RunsFile} (one row per run: status, grokking steps,
            final accuracies, every configuration key) and {CsvExport.MetricsFile} (one row per metrics record of every run).
            metrics.jsonl itself reads with pandas.read_json(path, lines=True).

            Examples:
              grokdsl runs export
              grokdsl runs export -e modular-addition -w Seed=0 -o export --format parquet
              grokdsl runs export --tensorboard tb && tensorboard --logdir tb
            """)
        {
            runs, experiment, status, where, output, format, tensorboard,
        };
        command.SetAction(result =>
        {
            if (RunsCommand.Filter(result.GetValue(experiment), result.GetValue(status), result.GetValue(where)) is not { } filter) return ExitCodes.InvalidExperiment;
            var chosen = RunStore.List(result.GetValue(runs)!, filter).ToList();
            try
            {
                var folder = result.GetValue(output)!;
                var tables = result.GetValue(format) == "parquet" ? ParquetExport.Write(chosen, folder) : CsvExport.Write(chosen, folder);
                foreach (var path in tables) Console.WriteLine($"wrote {path}");
                if (result.GetValue(tensorboard) is { } logdir)
                {
                    var events = TensorBoardExport.Write(chosen, logdir);
                    Console.WriteLine($"wrote {events.Count} TensorBoard event file(s) under {Path.GetFullPath(logdir)}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DamagedRunFileException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failed;
            }
            Console.WriteLine($"{chosen.Count} run(s) exported");
            return ExitCodes.Ok;
        });
        return command;
    }
}
