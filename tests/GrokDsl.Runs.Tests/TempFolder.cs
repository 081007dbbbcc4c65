namespace GrokDsl.Runs.Tests;

sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("grokdsl-runs-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
