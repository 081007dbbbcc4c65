namespace GrokDsl.Runtime.Planning;

/// <summary>
/// How another process names the same experiment: a file by absolute path (compute nodes see the
/// same shared filesystem, not this shell's working directory) or a built-in id, with --id when
/// the file declares several, and the command line's --set/--sweep overrides, in order.
/// </summary>
public sealed record ExperimentReference(string Argument, string? Id, IReadOnlyList<string> Sets, IReadOnlyList<string> Sweeps)
{
    /// <summary>An existing file becomes its absolute path; anything else is taken as a built-in id.</summary>
    public static ExperimentReference From(string argument, string? id, IReadOnlyList<string>? sets = null, IReadOnlyList<string>? sweeps = null) =>
        new(System.IO.File.Exists(argument) ? Path.GetFullPath(argument) : argument, id, sets ?? [], sweeps ?? []);

    /// <summary>The experiment's source file, when it is one (recorded in each run's environment.json).</summary>
    public string? File => System.IO.File.Exists(Argument) ? Argument : null;

    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { Argument };
        if (Id is not null) arguments.AddRange(["--id", Id]);
        foreach (var set in Sets) arguments.AddRange(["--set", set]);
        foreach (var sweep in Sweeps) arguments.AddRange(["--sweep", sweep]);
        return arguments;
    }
}
