using GrokDsl.Runtime.Execution;

namespace GrokDsl.Cli.Terminal;

/// <summary>
/// For <c>--quiet</c> and <c>--json</c>: no progress, but what went wrong without stopping the run
/// (a corrupt checkpoint skipped, a measure disabled) still reaches standard error.
/// </summary>
sealed class WarningsObserver(TextWriter error) : ITrainingObserver
{
    public void OnMeasureFailed(string measureId, Exception failure) =>
        error.WriteLine($"warning: measure '{measureId}' failed and is disabled for this run: {failure.Message}");

    public void OnWarning(string message) => error.WriteLine($"warning: {message}");
}
