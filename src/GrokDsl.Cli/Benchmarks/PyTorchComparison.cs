using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace GrokDsl.Cli.Benchmarks;

/// <summary>What <c>bench/pytorch_cpu.py</c> measured, or why it measured nothing.</summary>
sealed record PyTorchResults(
    double? MlpStepsPerSecond, double? TransformerStepsPerSecond, double? DefaultSeconds, long? DefaultGrokkedAt,
    double? PeakResidentMiB, string? Version, string? Problem);

/// <summary>
/// Runs the same workloads in PyTorch with <c>bench/pytorch_cpu.py</c> (shipped beside the CLI), when a Python with
/// torch is there. GrokDsl never needs it; without it the benchmark prints GrokDsl's figures alone and says why.
/// </summary>
static class PyTorchComparison
{
    public const string ScriptName = "pytorch_cpu.py";

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "bench", ScriptName);

    public static PyTorchResults Run(string python, int threads, int anchorSteps, Action<string> progress)
    {
        if (!File.Exists(ScriptPath)) return Failed($"{ScriptPath} is missing from this installation");
        var start = new ProcessStartInfo(python, [ScriptPath, "--threads", threads.ToString(), "--steps", anchorSteps.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The same OpenMP spinning as this process (set in the C environment, which Process.Start does not pass on),
        // so that on a loaded machine the comparison is of the two libraries, not of their spin counts.
        if (GrokDsl.Runtime.Devices.OpenMpSpinning.SetHere)
            start.Environment[GrokDsl.Runtime.Devices.OpenMpSpinning.Variable] = GrokDsl.Runtime.Devices.OpenMpSpinning.SpinCount.ToString();
        var lines = new List<JsonElement>();
        string? problem = null;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            return Failed($"{python} could not be started ({e.Message})");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(document.RootElement.Clone());
                progress(line);
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                // What it printed before it stopped still counts; the problem says why the rest is missing.
                var message = errors.Result.Trim().Split('\n')[^1];
                problem = message.Contains("No module named 'torch'") ? $"{python} has no torch (--python picks another Python)" : $"{python} {ScriptName} exited with {process.ExitCode}: {message}";
            }
        }

        JsonElement? Workload(string name) => lines.FirstOrDefault(l => l.GetProperty("workload").GetString() == name) is { ValueKind: JsonValueKind.Object } found ? found : null;
        double? Number(JsonElement? element, string property) =>
            element is { } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        var process_ = Workload("process");
        return new(
            Number(Workload("mlp"), "steps_per_second"), Number(Workload("transformer"), "steps_per_second"),
            Number(Workload("default"), "seconds"), (long?)Number(Workload("default"), "grokked_at"),
            Number(process_, "peak_rss_mib"), process_?.GetProperty("torch").GetString(), problem);
    }

    static PyTorchResults Failed(string problem) => new(null, null, null, null, null, null, problem);
}
