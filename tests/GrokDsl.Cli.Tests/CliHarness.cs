using GrokDsl.Cli;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// Runs <c>grokdsl</c> in-process with captured output, a scratch runs folder and a scratch compile
/// cache. Console redirection is process-wide, hence one non-parallel collection for these tests.
/// </summary>
sealed class CliHarness : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("grokdsl-cli-").FullName;
    public string Runs => Path.Combine(Folder, "runs");

    public CliHarness() => Environment.SetEnvironmentVariable("GROKDSL_CACHE", Path.Combine(Folder, "cache"));

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = GrokDslCommand.Invoke(args);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GROKDSL_CACHE", null);
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
