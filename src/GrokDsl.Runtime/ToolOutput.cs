using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace GrokDsl.Runtime;

/// <summary>What an external tool answered.</summary>
/// <param name="ExitCode">Null when the tool was stopped at its timeout.</param>
/// <param name="Error">Its standard error, read while it ran, so that a chatty tool cannot block on a full pipe.</param>
public sealed record ToolResult(int? ExitCode, string Output, string Error)
{
    public bool TimedOut => ExitCode is null;
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Asks an external tool (git, python3, nvidia-smi) for one answer that a run records or a benchmark prints.</summary>
public static class ToolOutput
{
    /// <summary>
    /// The tool's trimmed standard output, or null when it is not installed, fails or outlasts <paramref name="timeout"/>:
    /// best effort, because what these tools add is never worth failing a run for.
    /// </summary>
    public static string? Read(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null) =>
        Run(program, arguments, timeout, workingDirectory) is { Succeeded: true } result ? result.Output.Trim() : null;

    /// <summary>
    /// Runs the tool with both streams read as it runs; at <paramref name="timeout"/> it is killed (with its children)
    /// and the result says so. Null when the tool cannot be started (not installed, not executable).
    /// </summary>
    public static ToolResult? Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null) command = command.WithWorkingDirectory(workingDirectory);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // The callers are synchronous (environment capture, device probes); nothing here needs a synchronization context.
            var result = command.ExecuteBufferedAsync(deadline.Token).GetAwaiter().GetResult();
            return new ToolResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new ToolResult(null, "", "");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
