using System.Diagnostics;
using GrokDsl.Cli;

namespace GrokDsl.PluginHostTests.Support;

/// <summary>The <c>grokdsl</c> command, in-process (captured console) or as a child process.</summary>
static class Grokdsl
{
    /// <summary>Runs a command in this process. Console redirection is process-wide; these tests run one at a time.</summary>
    public static (int ExitCode, string Output, string Error) Invoke(params string[] args)
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

    /// <summary><see cref="Invoke"/> with <c>GROKDSL_CACHE</c> (where loose experiment files compile to) set to <paramref name="cacheFolder"/>.</summary>
    public static (int ExitCode, string Output, string Error) InvokeWithCache(string cacheFolder, params string[] args)
    {
        var before = Environment.GetEnvironmentVariable("GROKDSL_CACHE");
        Environment.SetEnvironmentVariable("GROKDSL_CACHE", cacheFolder);
        try
        {
            return Invoke(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GROKDSL_CACHE", before);
        }
    }

    /// <summary>Starts <c>grokdsl</c> (GrokDsl.Cli.dll beside the tests) with its output read line by line into <paramref name="lines"/>.</summary>
    public static Process Start(IEnumerable<string> args, string cacheFolder, Action<string> onLine)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GrokDsl.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["GROKDSL_CACHE"] = cacheFolder;
        start.Environment.Remove("GROKDSL_PLUGIN_PATH");

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
