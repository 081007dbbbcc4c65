using System.Reflection;
using System.Runtime.InteropServices;
using GrokDsl.Runs;
using GrokDsl.Runtime.Devices;
using TorchSharp;

namespace GrokDsl.Runtime.Execution;

/// <summary>Records what a run ran on and from (<see cref="RunEnvironment"/>).</summary>
public static class EnvironmentCapture
{
    public static RunEnvironment Capture(string? experimentFile, RunSpec spec, TrainingComponents components, string device, Tf32Setting tf32)
    {
        var (commit, dirty) = experimentFile is null ? (null, null) : Git(experimentFile);
        return new RunEnvironment
        {
            GrokDslVersion = VersionOf(typeof(ExperimentAttribute).Assembly),
            TorchSharpVersion = VersionOf(typeof(torch).Assembly),
            LibTorchVersion = torch.__version__,
            DotNetVersion = RuntimeInformation.FrameworkDescription,
            OperatingSystem = RuntimeInformation.OSDescription,
            Machine = Environment.MachineName,
            Device = device,
            Threads = torch.get_num_threads(),
            Precision = spec.Training.Precision.ToString(),
            Tf32Requested = tf32.Requested,
            Tf32InEffect = tf32.InEffect,
            StartedAt = DateTimeOffset.UtcNow,
            CommandLine = Environment.GetCommandLineArgs(),
            Plugins = components.PluginVersions,
            PluginBuilds = components.PluginBuilds,
            ExperimentOrigin = experimentFile is null ? $"assembly:{spec.Experiment.TypeName}" : Path.GetFullPath(experimentFile),
            ExperimentSource = experimentFile is null ? null : File.ReadAllText(experimentFile),
            GitCommit = commit,
            GitDirty = dirty,
        };
    }

    static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    // Best effort: no git, or not a repository, records nothing rather than failing the run.
    static (string? Commit, bool? Dirty) Git(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var commit = RunGit(folder, "rev-parse", "HEAD");
        if (commit is null) return (null, null);
        var status = RunGit(folder, "status", "--porcelain", "--", Path.GetFullPath(file));
        return (commit, status is { Length: > 0 });
    }

    static string? RunGit(string folder, params string[] arguments) => ToolOutput.Read("git", arguments, TimeSpan.FromSeconds(5), folder);
}
