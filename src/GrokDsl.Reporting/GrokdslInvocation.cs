namespace GrokDsl.Reporting;

/// <summary>
/// How the person at this terminal starts grokdsl, for the command lines GrokDsl prints for pasting (Reproduce lines,
/// sweep commands): <c>grokdsl</c> for the installed tool, <c>dotnet run --project src/GrokDsl.Cli -c Release --</c> for
/// a build inside a clone, whose README never puts <c>grokdsl</c> on the PATH.
/// </summary>
public static class GrokdslInvocation
{
    /// <summary>The words that start this installation from the current directory.</summary>
    public static string Prefix { get; } = For(AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <param name="baseDirectory">Where the running grokdsl's assemblies are.</param>
    /// <param name="workingDirectory">Where the printed command will be pasted, for a relative project path.</param>
    public static string For(string baseDirectory, string workingDirectory)
    {
        // A build in a clone runs from <clone>/src/GrokDsl.Cli/bin/<configuration>/<framework>/.
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(baseDirectory));
        var configuration = framework.Parent;
        var project = configuration?.Parent is { Name: "bin" } bin ? bin.Parent : null;
        if (project is null || !File.Exists(Path.Combine(project.FullName, "GrokDsl.Cli.csproj"))) return "grokdsl";
        var relative = Path.GetRelativePath(workingDirectory, project.FullName);
        return ShellWords.Join(["dotnet", "run", "--project", relative, "-c", configuration!.Name, "--"]);
    }
}
