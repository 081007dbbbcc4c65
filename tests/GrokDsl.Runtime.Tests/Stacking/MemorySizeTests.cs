using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Stacking;

public sealed class MemorySizeTests
{
    [Theory]
    [InlineData("512M", 512L << 20)]
    [InlineData("6G", 6L << 30)]
    [InlineData("6g", 6L << 30)]
    [InlineData("6GiB", 6L << 30)]
    [InlineData("6 GB", 6L << 30)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("64K", 64L << 10)]
    [InlineData("2T", 2L << 40)]
    [InlineData("4096B", 4096L)]
    public void SizesWithABinaryUnitParse(string text, long bytes) => Assert.Equal(bytes, MemorySize.Parse(text));

    [Theory]
    [InlineData("512")] // no unit: Slurm would read megabytes, others bytes
    [InlineData("6X")]
    [InlineData("0G")]
    [InlineData("-1G")]
    [InlineData("iB")]
    [InlineData("6iB")]
    [InlineData("G")]
    [InlineData("99999999999T")]
    [InlineData("")]
    public void AnythingElseIsRefused(string text) => Assert.Null(MemorySize.Parse(text));

    [Theory]
    [InlineData(6L << 30, "6G")]
    [InlineData(3L << 29, "1536M")]
    [InlineData(1000L, "1000B")]
    public void TheShortestExactTextReadsBackAsTheSameSize(long bytes, string text)
    {
        Assert.Equal(text, MemorySize.ToText(bytes));
        Assert.Equal(bytes, MemorySize.Parse(text));
    }
}
