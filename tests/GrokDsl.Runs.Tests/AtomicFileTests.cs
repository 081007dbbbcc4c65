namespace GrokDsl.Runs.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void AFailedWriteLeavesThePreviousFileIntactAndNoTemporaryFile()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "summary.json");
        AtomicFile.WriteAllText(path, "old");
        // Block the temporary file's name with a folder: the write fails as a full disk or I/O error would.
        Directory.CreateDirectory(Path.Combine(temp.Path, $".summary.json.{Environment.ProcessId}.tmp"));

        var error = Record.Exception(() => AtomicFile.WriteAllText(path, "new"));

        Assert.True(error is IOException or UnauthorizedAccessException, $"unexpected {error}");
        Assert.Equal("old", File.ReadAllText(path));
    }

    [Fact]
    public void AWriteReplacesTheWholeFile()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "config.json");
        AtomicFile.WriteAllText(path, "a much longer first version");
        AtomicFile.WriteAllText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WritingIntoAFolderThatCannotExistFailsNamingThePath()
    {
        using var temp = new TempFolder();
        var blocker = Path.Combine(temp.Path, "runs");
        File.WriteAllText(blocker, "a file where the runs folder should be");

        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(Path.Combine(blocker, "x", "config.json"), "{}"));
        Assert.Contains(blocker, error.Message);
    }
}
