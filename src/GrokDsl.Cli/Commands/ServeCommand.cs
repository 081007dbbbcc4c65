using System.CommandLine;
using GrokDsl.Cli.Dashboard;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl serve</c>: the live dashboard over a runs folder, until Ctrl+C.</summary>
static class ServeCommand
{
    public const int DefaultPort = 8765;

    public static Command Create()
    {
        var runs = CommonOptions.Runs();
        var port = new Option<int>("--port", "-p")
        {
            Description = $"The port on localhost to listen on (0: any free port; the URL is printed and written to <runs>/{DashboardDiscovery.FileName}).",
            DefaultValueFactory = _ => DefaultPort,
        };
        var command = new Command("serve", $"""
            Serve a live dashboard of a runs folder on localhost (127.0.0.1 and ::1 only): experiments, sweeps and runs
            with their status, the curves of running runs as they train, their reports and sweep comparisons. While it
            runs, `grokdsl run` and `grokdsl sweep` over the same folder print its URL. Ctrl+C stops it.

            Examples:
              grokdsl serve
              grokdsl serve --runs runs --port 9000
            """)
        {
            runs, port,
        };
        command.SetAction(result => Execute(result.GetValue(runs)!, result.GetValue(port), GlobalOptions.Of(result)));
        return command;
    }

    static int Execute(string runsRoot, int port, Verbosity verbosity)
    {
        if (!Directory.Exists(runsRoot))
        {
            Console.Error.WriteLine($"error: runs folder '{Path.GetFullPath(runsRoot)}' does not exist; train something first (grokdsl run ...) or name another with --runs");
            return ExitCodes.InvalidExperiment;
        }
        if (port is < 0 or > 65535)
        {
            Console.Error.WriteLine($"error: --port {port}: expected 0 (any free port) to 65535");
            return ExitCodes.InvalidExperiment;
        }
        DashboardServer server;
        try
        {
            server = DashboardServer.StartAsync(runsRoot, port).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot listen on localhost port {port} ({e.Message}); is another server using it? Pick another with --port (0: any free port)");
            return ExitCodes.InvalidExperiment;
        }
        try
        {
            DashboardDiscovery.Write(runsRoot, server.Url);
            if (verbosity != Verbosity.Quiet) Console.WriteLine($"dashboard: {server.Url} (runs folder {Path.GetFullPath(runsRoot)}); Ctrl+C stops it");
            Console.Out.Flush();
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
        }
        finally
        {
            DashboardDiscovery.Remove(runsRoot);
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return ExitCodes.Ok;
    }
}
