namespace GrokDsl.Cli.Launchers;

/// <summary>
/// How another process names the same experiment: a file by absolute path (compute nodes see the
/// same shared filesystem, not this shell's working directory) or a built-in id, with --id when
/// the file declares several experiments.
/// </summary>
public sealed record ExperimentReference(string Argument, string? Id)
{
    /// <summary>An existing file becomes its absolute path; anything else is taken as a built-in id.</summary>
    public static ExperimentReference From(string argument, string? id) =>
        new(System.IO.File.Exists(argument) ? Path.GetFullPath(argument) : argument, id);

    /// <summary>The experiment's source file, when it is one (recorded in each run's environment.json).</summary>
    public string? File => System.IO.File.Exists(Argument) ? Argument : null;

    public IReadOnlyList<string> ToArguments() => Id is null ? [Argument] : [Argument, "--id", Id];
}
