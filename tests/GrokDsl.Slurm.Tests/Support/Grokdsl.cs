namespace GrokDsl.Slurm.Tests.Support;

/// <summary>
/// The grokdsl apphost the build puts beside the tests, run as its own process (as a user on a login
/// node would), with a scratch compile cache that the array tasks inherit through sbatch's environment.
/// </summary>
sealed class Grokdsl(string folder)
{
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, "GrokDsl.Cli");

    public (int ExitCode, string Output) Run(string arguments, TimeSpan? timeout = null) =>
        Shell.Run($"{Executable} {arguments}", timeout ?? TimeSpan.FromSeconds(90),
            new Dictionary<string, string> { ["GROKDSL_CACHE"] = Path.Combine(folder, "cache") });
}
