namespace GrokDsl.Cli.Compilation;

/// <summary>The experiment file has errors, already formatted compiler-style (path(line,col): error ID: message).</summary>
public sealed class CompilationFailedException(IReadOnlyList<string> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<string> Diagnostics { get; } = diagnostics;
}
