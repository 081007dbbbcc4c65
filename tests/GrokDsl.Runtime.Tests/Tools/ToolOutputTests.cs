using System.Diagnostics;
using GrokDsl.Runtime;

namespace GrokDsl.Runtime.Tests.Tools;

public sealed class ToolOutputTests
{
    [Fact]
    public void AToolThatOutlastsItsTimeoutIsStoppedThenAndSaysSo()
    {
        var clock = Stopwatch.StartNew();

        var result = ToolOutput.Run("sleep", ["30"], TimeSpan.FromMilliseconds(300));

        Assert.NotNull(result);
        Assert.True(result.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Null(ToolOutput.Read("sleep", ["30"], TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void StandardErrorAndTheExitCodeOfAFailingToolAreCaptured()
    {
        var result = ToolOutput.Run("sh", ["-c", "echo partial; echo 'no such revision' >&2; exit 3"], TimeSpan.FromSeconds(10));

        Assert.NotNull(result);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("partial", result.Output.Trim());
        Assert.Equal("no such revision", result.Error.Trim());
        Assert.Null(ToolOutput.Read("sh", ["-c", "echo partial; exit 3"], TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AToolThatWritesMuchToStandardErrorDoesNotBlock()
    {
        // 1 MiB to stderr fills any pipe buffer: a reader of stdout alone would wait for ever.
        var result = ToolOutput.Run("sh", ["-c", "head -c 1048576 /dev/zero | tr '\\0' x >&2; echo done"], TimeSpan.FromSeconds(20));

        Assert.NotNull(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("done", result.Output.Trim());
        Assert.Equal(1048576, result.Error.Length);
    }

    [Fact]
    public void AToolThatIsNotInstalledGivesNoAnswer()
    {
        Assert.Null(ToolOutput.Run("grokdsl-no-such-tool", [], TimeSpan.FromSeconds(5)));
        Assert.Null(ToolOutput.Read("grokdsl-no-such-tool", [], TimeSpan.FromSeconds(5)));
        Assert.Equal("hello", ToolOutput.Read("echo", ["hello"], TimeSpan.FromSeconds(5)));
    }
}
