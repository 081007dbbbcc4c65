using System.Globalization;
using Serilog;
using Serilog.Core;

namespace GrokDsl.Runtime.Execution;

/// <summary>
/// One run's <c>log.txt</c>, written through Serilog's file sink: one timestamped line per event, appended across attempts
/// (a resumed or retried run continues its log), flushed line by line so that a killed run keeps what it logged.
/// </summary>
public sealed class RunLog : IDisposable
{
    public const string FileName = "log.txt";

    readonly Logger _logger;

    public RunLog(string runDirectory)
    {
        _logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(
                Path.Combine(runDirectory, FileName),
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss zzz} {Level:u4} {Message:l}{NewLine}{Exception}",
                formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();
    }

    // The text is the template's only property, so that braces in it (paths, JSON) are never read as placeholders.
    public void Info(string line) => _logger.Information("{Line:l}", line);

    public void Warning(string line) => _logger.Warning("{Line:l}", line);

    public void Error(string line, Exception error) => _logger.Error(error, "{Line:l}", line);

    public void Dispose() => _logger.Dispose();
}
