namespace GrokDsl.Slurm.Tests.Support;

/// <summary>
/// A single-node Slurm on localhost, brought up once for the tests that need it by start-slurm.sh
/// (installs slurm-wlm and munge with apt-get when missing). <see cref="SkipReason"/> says why there
/// is none: not root, no apt, no network. A bring-up that starts but fails is a test failure, not a skip.
/// </summary>
public sealed class SlurmCluster
{
    // The first bring-up installs the packages (about two minutes here); later ones find the cluster running.
    static readonly TimeSpan BringUpLimit = TimeSpan.FromMinutes(5);

    public SlurmCluster()
    {
        if (!OperatingSystem.IsLinux())
        {
            SkipReason = "Slurm tests need Linux";
            return;
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Support", "start-slurm.sh");
        var (exitCode, output) = Shell.Run($"bash {script}", BringUpLimit);
        if (exitCode == 3) SkipReason = output.Trim().Split('\n')[^1];
        else if (exitCode != 0) BringUpError = $"start-slurm.sh failed (exit {exitCode}):\n{output}";
    }

    public string? SkipReason { get; }

    public string? BringUpError { get; }

    /// <summary>Skips the calling test where there is no Slurm, fails it where bring-up broke.</summary>
    public void Require()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Assert.True(BringUpError is null, BringUpError);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    public const string Name = "slurm";
}
