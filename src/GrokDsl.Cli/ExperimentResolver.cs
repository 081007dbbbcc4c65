using GrokDsl.Cli.Compilation;

namespace GrokDsl.Cli;

/// <summary>
/// Turns what the user typed into experiments: a path to a loose <c>.cs</c> file (compiled in
/// memory), or the id of an experiment compiled into GrokDsl.Experiments.
/// </summary>
sealed class ExperimentResolver(ExperimentCompiler compiler)
{
    public static IReadOnlyList<IExperiment> BuiltIn { get; } =
        ExperimentCatalog.FromAssembly(typeof(GrokDsl.Experiments.ModularAddition).Assembly);

    /// <exception cref="CompilationFailedException">The file does not compile.</exception>
    /// <exception cref="ArgumentException">Unknown id, or a file declares several experiments and none was chosen.</exception>
    /// <exception cref="ExperimentCreationException">An experiment threw while being created.</exception>
    public IExperiment Resolve(string experiment, string? id = null)
    {
        if (IsFile(experiment))
        {
            var declared = LoadFile(experiment);
            return declared.Count switch
            {
                1 when id is null => declared[0],
                _ => declared.FirstOrDefault(e => e.Info.Id == id) ?? throw new ArgumentException(
                    $"{experiment}: declares {string.Join(", ", declared.Select(e => e.Info.Id))}; choose one with --id."),
            };
        }

        return BuiltIn.FirstOrDefault(e => e.Info.Id == experiment)
               ?? throw new ArgumentException($"Unknown experiment '{experiment}'. Known: {string.Join(", ", BuiltIn.Select(e => e.Info.Id))}; or pass a path to a .cs file.");
    }

    public static bool IsFile(string experiment) => experiment.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || File.Exists(experiment);

    /// <summary>Every experiment a file declares; an empty file, or one without [Experiment], is an error here as in <c>run</c>.</summary>
    /// <exception cref="CompilationFailedException">The file does not compile.</exception>
    /// <exception cref="ArgumentException">The file declares no experiment.</exception>
    /// <exception cref="ExperimentCreationException">An experiment threw while being created.</exception>
    public IReadOnlyList<IExperiment> LoadFile(string path)
    {
        var declared = compiler.Load(path);
        return declared.Count > 0 ? declared : throw new ArgumentException($"{path}: no [Experiment] partial record found.");
    }
}
