using GrokDsl.Reporting;

namespace GrokDsl.Reporting.Tests;

/// <summary>Printed commands start grokdsl the way this installation is started: the tool, or `dotnet run` in a clone.</summary>
public sealed class GrokdslInvocationTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("grokdsl-invocation-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_build_inside_a_clone_is_started_with_dotnet_run_on_its_project()
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "src", "GrokDsl.Cli")).FullName;
        File.WriteAllText(Path.Combine(project, "GrokDsl.Cli.csproj"), "<Project />");
        var output = Path.Combine(project, "bin", "Release", "net10.0") + Path.DirectorySeparatorChar;

        Assert.Equal("dotnet run --project src/GrokDsl.Cli -c Release --", GrokdslInvocation.For(output, root));
        Assert.Equal("dotnet run --project ../src/GrokDsl.Cli -c Release --", GrokdslInvocation.For(output, Path.Combine(root, "runs")));
    }

    [Fact]
    public void An_installed_tool_is_started_by_its_command_name()
    {
        var store = Path.Combine(root, ".store", "grokdsl.cli", "0.1.0", "grokdsl.cli", "0.1.0", "tools", "net10.0", "any");

        Assert.Equal("grokdsl", GrokdslInvocation.For(store, root));
        // A bin/<configuration>/<framework> folder that is not the CLI project's is no clone build either.
        Assert.Equal("grokdsl", GrokdslInvocation.For(Path.Combine(root, "tests", "X", "bin", "Debug", "net10.0"), root));
    }
}
