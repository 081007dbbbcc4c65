using System.Buffers.Binary;
using System.IO.Compression;
using GrokDsl.Contracts;
using GrokDsl.Plugins.Datasets;

namespace GrokDsl.PluginTests.Datasets;

/// <summary>idx-images over small IDX files the tests write themselves: 3 classes of 2×3 images.</summary>
public sealed class IdxImagesTests : IDisposable
{
    const int Height = 2, Width = 3, Pixels = Height * Width;
    readonly string _folder = Directory.CreateTempSubdirectory("grokdsl-idx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Example i of a split has label i mod 3 and pixels (offset + 7i + k) mod 256, so rows can be traced back.
    static byte[] Pixel(int offset, int i) => [.. Enumerable.Range(0, Pixels).Select(k => (byte)((offset + 7 * i + k) % 256))];

    static byte[] Idx(int magic, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dimensions.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    void Write(string name, byte[] bytes, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(Path.Combine(_folder, name), bytes);
            return;
        }
        using var file = File.Create(Path.Combine(_folder, name + ".gz"));
        using var stream = new GZipStream(file, CompressionLevel.Fastest);
        stream.Write(bytes);
    }

    void WriteSplit(string stem, int count, int offset, bool gzip)
    {
        Write($"{stem}-images-idx3-ubyte", Idx(0x0803, [count, Height, Width], [.. Enumerable.Range(0, count).SelectMany(i => Pixel(offset, i))]), gzip);
        Write($"{stem}-labels-idx1-ubyte", Idx(0x0801, [count], [.. Enumerable.Range(0, count).Select(i => (byte)(i % 3))]), gzip);
    }

    void WriteDataset(bool gzip = false)
    {
        WriteSplit("train", 30, 0, gzip);
        WriteSplit("t10k", 9, 100, gzip);
    }

    DatasetTensors Create(IdxImages options, int seed = 0) =>
        new IdxImagesProvider().Create(ComponentOptions.From(options with { Folder = _folder }), seed);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RawAndGzippedFilesGiveFlattenedPixelsWithTheirLabels(bool gzip)
    {
        WriteDataset(gzip);
        using var data = Create(new IdxImages { TrainSubset = 12, Normalization = "none" });

        Assert.Equal(new DatasetShape(0, 0, Pixels, 3), data.Shape);
        Assert.Equal([12L, Pixels], data.TrainInputs.shape);
        Assert.Equal([9L, Pixels], data.TestInputs.shape); // TestSubset 0: the whole test file
        var byPixels = Enumerable.Range(0, 30).ToDictionary(i => Rows.Key(Pixel(0, i).Select(b => (float)b)), i => i);
        var rows = Rows.Features(data.TrainInputs);
        var labels = Rows.Labels(data.TrainTargets);
        for (var r = 0; r < rows.Length; r++)
            Assert.Equal(byPixels[Rows.Key(rows[r])] % 3, labels[r]);
        Assert.Equal(12, rows.Select(Rows.Key).Distinct().Count());
        Assert.All(Enumerable.Range(0, 3), c => Assert.Equal(4, labels.Count(l => l == c))); // balanced
    }

    [Fact]
    public void StandardizationUsesTheTrainingSubsetsMeanAndStandardDeviation()
    {
        WriteDataset();
        using var raw = Create(new IdxImages { TrainSubset = 12, Normalization = "none" });
        using var standardized = Create(new IdxImages { TrainSubset = 12 });

        Assert.Equal(0, standardized.TrainInputs.mean().item<float>(), 4);
        Assert.Equal(1, standardized.TrainInputs.std(unbiased: false).item<float>(), 4);
        var mean = raw.TrainInputs.mean().item<float>();
        var std = raw.TrainInputs.std(unbiased: false).item<float>();
        using var expectedTest = (raw.TestInputs - mean) / std;
        Assert.True(expectedTest.allclose(standardized.TestInputs, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void UnitNormalizationDividesBy255()
    {
        WriteDataset();
        using var raw = Create(new IdxImages { TrainSubset = 6, Normalization = "none" });
        using var unit = Create(new IdxImages { TrainSubset = 6, Normalization = "unit" });
        using var expected = raw.TrainInputs / 255;
        Assert.True(expected.allclose(unit.TrainInputs));
    }

    [Fact]
    public void ImbalanceRatioSetsTheClassQuotas()
    {
        WriteDataset();
        // Shares ∝ 4^(−c/2) = 1, 1/2, 1/4 of 14: 8, 4, 2.
        using var data = Create(new IdxImages { TrainSubset = 14, ImbalanceRatio = 4 });
        var labels = Rows.Labels(data.TrainTargets);
        Assert.Equal([8, 4, 2], Enumerable.Range(0, 3).Select(c => labels.Count(l => l == c)));
        Assert.Equal([8, 2], ClassQuotas.Of(10, 2, 4));
        Assert.Equal([100, 100, 100, 100, 100, 100, 100, 100, 100, 100], ClassQuotas.Of(1000, 10, 1));
        Assert.Equal(1000, ClassQuotas.Of(1000, 10, 10).Sum());
    }

    [Fact]
    public void SubsetsAreDeterministicForASeedAndTheSplitSeedOverridesTheRunSeed()
    {
        WriteDataset();
        using var first = Create(new IdxImages { TrainSubset = 6, TestSubset = 4 }, seed: 1);
        using var again = Create(new IdxImages { TrainSubset = 6, TestSubset = 4 }, seed: 1);
        using var pinned = Create(new IdxImages { TrainSubset = 6, TestSubset = 4, SplitSeed = 1 }, seed: 8);
        Assert.Equal(first.TrainInputs.data<float>().ToArray(), again.TrainInputs.data<float>().ToArray());
        Assert.Equal(first.TestInputs.data<float>().ToArray(), pinned.TestInputs.data<float>().ToArray());
        Assert.Equal(4, first.TestTargets.shape[0]);
    }

    [Fact]
    public void AMissingFileIsNamedInTheError()
    {
        WriteDataset();
        File.Delete(Path.Combine(_folder, "t10k-labels-idx1-ubyte"));
        var error = Assert.Throws<FileNotFoundException>(() => Create(new IdxImages()));
        Assert.Contains(Path.Combine(_folder, "t10k-labels-idx1-ubyte"), error.Message);
        Assert.Contains("downloads nothing", error.Message);
    }

    [Fact]
    public void AMissingFolderIsNamedInTheError()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            new IdxImagesProvider().Create(ComponentOptions.From(new IdxImages { Folder = Path.Combine(_folder, "absent") }), 0));
        Assert.Contains(Path.Combine(_folder, "absent"), error.Message);
    }

    [Fact]
    public void AWrongMagicNumberIsNamedWithTheFile()
    {
        WriteDataset();
        // A labels file where the images should be.
        File.Copy(Path.Combine(_folder, "train-labels-idx1-ubyte"), Path.Combine(_folder, "train-images-idx3-ubyte"), overwrite: true);
        var error = Assert.Throws<InvalidDataException>(() => Create(new IdxImages()));
        Assert.Contains(Path.Combine(_folder, "train-images-idx3-ubyte"), error.Message);
        Assert.Contains("magic number 0x00000801, expected 0x00000803", error.Message);
    }

    [Fact]
    public void ATruncatedFileIsNamedWithTheFile()
    {
        WriteDataset();
        var path = Path.Combine(_folder, "train-images-idx3-ubyte");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^5]);
        var error = Assert.Throws<InvalidDataException>(() => Create(new IdxImages()));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ACorruptGzipStreamIsNamedWithTheFile()
    {
        WriteDataset(gzip: true);
        var path = Path.Combine(_folder, "t10k-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        for (var i = 10; i < bytes.Length; i++) bytes[i] ^= 0x5a;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => Create(new IdxImages()));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ImagesAndLabelsMustAgreeInCount()
    {
        WriteDataset();
        Write("t10k-labels-idx1-ubyte", Idx(0x0801, [8], new byte[8]), gzip: false);
        var error = Assert.Throws<InvalidDataException>(() => Create(new IdxImages()));
        Assert.Contains("9 images", error.Message);
        Assert.Contains("8 labels", error.Message);
    }

    [Fact]
    public void ASubsetLargerThanAClassCanSupplyIsRejected()
    {
        WriteDataset();
        var error = Assert.Throws<ArgumentException>(() => Create(new IdxImages { TrainSubset = 28, ImbalanceRatio = 2 }));
        Assert.Contains("Class 0", error.Message);
    }

    [Fact]
    public void ACorruptLabelThatLeavesClassesEmptyIsNamedWithTheFile()
    {
        WriteDataset();
        // One test label flipped to 200: classes 3..199 would exist without a single training example.
        var labels = Enumerable.Range(0, 9).Select(i => (byte)(i % 3)).ToArray();
        labels[4] = 200;
        Write("t10k-labels-idx1-ubyte", Idx(0x0801, [9], labels), gzip: false);
        var error = Assert.Throws<InvalidDataException>(() => Create(new IdxImages()));
        Assert.StartsWith(Path.Combine(_folder, "t10k-labels-idx1-ubyte") + ": holds label 200", error.Message);
        Assert.Contains("no example of classes 3, 4, 5, 6, 7, …", error.Message);
    }
}
