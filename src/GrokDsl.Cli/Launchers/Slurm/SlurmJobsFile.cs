using System.Text.Json;
using GrokDsl.Runs;

namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>One sbatch submission of a sweep: which array task trains which runs.</summary>
public sealed record SlurmSubmission(string JobId, DateTimeOffset SubmittedAt, string Script, string Fingerprint, IReadOnlyList<SubmittedTask> Tasks);

/// <summary>An array task of a submission and the ids of the runs it trains.</summary>
public sealed record SubmittedTask(int Task, IReadOnlyList<string> RunIds);

/// <summary>
/// <c>&lt;runs&gt;/&lt;experiment-id&gt;/.slurm/</c>: the scripts, the tasks' logs and <c>jobs.json</c>, the
/// submissions in order, which <c>grokdsl sweep status</c> reads to ask Slurm about the right tasks.
/// </summary>
public sealed class SlurmFolder(string experimentFolder)
{
    public const string Name = ".slurm";

    public string Path { get; } = System.IO.Path.Combine(experimentFolder, Name);

    public string JobsPath => System.IO.Path.Combine(Path, "jobs.json");

    public IReadOnlyList<SlurmSubmission> ReadJobs()
    {
        if (!File.Exists(JobsPath)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<SlurmSubmission>>(File.ReadAllText(JobsPath), RunJson.Indented) ?? [];
        }
        catch (JsonException)
        {
            // A damaged record only costs the scheduler's view; the run store still tells the runs' state.
            return [];
        }
    }

    public void Record(SlurmSubmission submission) =>
        AtomicFile.WriteAllText(JobsPath, JsonSerializer.Serialize(ReadJobs().Append(submission), RunJson.Indented));
}
