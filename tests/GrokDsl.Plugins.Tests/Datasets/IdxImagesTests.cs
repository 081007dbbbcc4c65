using System.Buffers.Binary;
using System.IO.Compression;
using GrokDsl.Contracts;
using GrokDsl.Plugins.Datasets;
using static TorchSharp.torch;

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

    void WriteSplit(string stem, int count, int offset, bool gzip, int labels = 3)
    {
        Write($"{stem}-images-idx3-ubyte", Idx(0x0803, [count, Height, Width], [.. Enumerable.Range(0, count).SelectMany(i => Pixel(offset, i))]), gzip);
        Write($"{stem}-labels-idx1-ubyte", Idx(0x0801, [count], [.. Enumerable.Range(0, count).Select(i => (byte)(i % labels))]), gzip);
    }

    // Four labels (subclasses): 10 training and 3 test examples of each.
    void WriteFourLabels()
    {
        WriteSplit("train", 40, 0, gzip: false, labels: 4);
        WriteSplit("t10k", 12, 100, gzip: false, labels: 4);
    }

    // The file label of every row, traced back through its pixels (example i has label i mod 4).
    static int[] SubclassesOf(Tensor inputs, int count, int offset)
    {
        var byPixels = Enumerable.Range(0, count).ToDictionary(i => Rows.Key(Pixel(offset, i).Select(b => (float)b)), i => i % 4);
        return [.. Rows.Features(inputs).Select(row => byPixels[Rows.Key(row)])];
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

    static readonly IReadOnlyList<IReadOnlyList<int>> EvenOdd = [[0, 2], [1, 3]];

    [Fact]
    public void ClassGroupsMakeEveryLabelASubclassOfItsGroupInTrainAndTest()
    {
        WriteFourLabels();
        using var data = Create(new IdxImages { TrainSubset = 8, Normalization = "none", ClassGroups = EvenOdd });

        Assert.Equal(new DatasetShape(0, 0, Pixels, 2), data.Shape);
        var trainSubclasses = SubclassesOf(data.TrainInputs, 40, 0);
        Assert.Equal(trainSubclasses.Select(label => (long)(label % 2)), Rows.Labels(data.TrainTargets));
        Assert.Equal([2, 2, 2, 2], Enumerable.Range(0, 4).Select(label => trainSubclasses.Count(l => l == label))); // balanced over labels
        var testSubclasses = SubclassesOf(data.TestInputs, 12, 100);
        Assert.Equal(testSubclasses.Select(label => (long)(label % 2)), Rows.Labels(data.TestTargets));
    }

    [Fact]
    public void SubclassTrainFractionsDownSampleByEq1AndLeaveTheTestSetWhole()
    {
        WriteFourLabels();
        // Σf = 0.2 + 3 = 3.2 for γ_D = 16: label 2 gets ⌈0.2·16/3.2⌉ = 1, the others ⌊16/3.2⌋ = 5.
        var options = new IdxImages
        {
            TrainSubset = 16, Normalization = "none", ClassGroups = EvenOdd,
            SubclassTrainFractions = new Dictionary<int, double> { [2] = 0.2 },
        };
        using var data = Create(options);
        using var unshifted = Create(options with { SubclassTrainFractions = null });

        var trainSubclasses = SubclassesOf(data.TrainInputs, 40, 0);
        Assert.Equal([5, 5, 1, 5], Enumerable.Range(0, 4).Select(label => trainSubclasses.Count(l => l == label)));
        Assert.Equal(trainSubclasses.Select(label => (long)(label % 2)), Rows.Labels(data.TrainTargets));
        Assert.Equal(16, trainSubclasses.Length);
        Assert.Equal(16, Rows.Features(data.TrainInputs).Select(Rows.Key).Distinct().Count()); // no row twice
        var testSubclasses = SubclassesOf(data.TestInputs, 12, 100);
        Assert.Equal([3, 3, 3, 3], Enumerable.Range(0, 4).Select(label => testSubclasses.Count(l => l == label)));
        Assert.Equal(unshifted.TestInputs.data<float>().ToArray(), data.TestInputs.data<float>().ToArray());
        Assert.Equal(Rows.Labels(unshifted.TestTargets), Rows.Labels(data.TestTargets));
    }

    [Fact]
    public void AFractionOfZeroRemovesTheSubclassFromTraining()
    {
        WriteFourLabels();
        // Σf = 3 for γ_D = 12: labels 0, 1, 2 get 4 each, label 3 none; class 1 keeps label 1 only.
        using var data = Create(new IdxImages
        {
            TrainSubset = 12, Normalization = "none", ClassGroups = EvenOdd,
            SubclassTrainFractions = new Dictionary<int, double> { [3] = 0 },
        });
        var trainSubclasses = SubclassesOf(data.TrainInputs, 40, 0);
        Assert.Equal([4, 4, 4, 0], Enumerable.Range(0, 4).Select(label => trainSubclasses.Count(l => l == label)));
        Assert.Equal(3, SubclassesOf(data.TestInputs, 12, 100).Count(l => l == 3));
    }

    [Fact]
    public void Eq1WithPerSubclassFractionsReducesToThePapersExample()
    {
        // γ_D = 2000, f = 0.2, 4 classes × 2 subclasses with one per class down-sampled: s_s = 84, s_r = 416 (mission anchors).
        Assert.Equal([84, 84, 84, 84, 416, 416, 416, 416], Downsampling.PerSubclass(2000, [0.2, 0.2, 0.2, 0.2, 1, 1, 1, 1]));
        Assert.Equal((84, 416), Downsampling.PerSubclass(2000, 0.2, 4, 4));
        Assert.Equal([1, 4, 6], Downsampling.PerSubclass(10, [0.1, 0.5, 1])); // Σf = 1.6: ⌈0.625⌉, ⌈3.125⌉, ⌊6.25⌋
    }

    [Fact]
    public void UnsetSubclassOptionsStayOutOfTheConfiguration()
    {
        // Neither the plugin's options nor the canonical configuration (the run id's input) mention them while unset.
        var configuration = new GrokDsl.Configuration.ConfigurationWriter();
        configuration.Write("Data", new IdxImages());
        foreach (var json in new[] { ComponentOptions.From(new IdxImages()).Json, configuration.ToJson() })
        {
            Assert.Contains(nameof(IdxImages.TrainSubset), json);
            Assert.DoesNotContain(nameof(IdxImages.ClassGroups), json);
            Assert.DoesNotContain(nameof(IdxImages.SubclassTrainFractions), json);
        }
        var set = ComponentOptions.From(new IdxImages { ClassGroups = EvenOdd, SubclassTrainFractions = new Dictionary<int, double> { [2] = 0.5 } });
        Assert.Contains("\"ClassGroups\":[[0,2],[1,3]]", set.Json);
        Assert.Equal(0.5, set.Bind<IdxImages>().SubclassTrainFractions![2]);
    }

    [Theory]
    [InlineData("[[0,1],[1,2,3]]", "ClassGroups: label 1 is in group 0 and again in group 1")]
    [InlineData("[[0,1],[2]]", "ClassGroups leaves out label 3")]
    [InlineData("[[0,1],[2,3,7]]", "ClassGroups: group 1 holds label 7, but the IDX files hold labels 0–3")]
    [InlineData("[[0,1,2,3]]", "ClassGroups needs at least 2 groups")]
    [InlineData("[[0,1,2,3],[]]", "ClassGroups: group 1 is empty")]
    public void InvalidClassGroupsAreNamed(string groups, string message)
    {
        WriteFourLabels();
        var options = new IdxImages { ClassGroups = System.Text.Json.JsonSerializer.Deserialize<List<List<int>>>(groups) };
        var error = Assert.Throws<ArgumentException>(() => Create(options));
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData(9, 0.5, "SubclassTrainFractions names label 9, but the IDX files hold labels 0–3")]
    [InlineData(1, 1.5, "SubclassTrainFractions: the fraction of label 1 must lie in [0, 1], not 1.5")]
    [InlineData(0, -0.25, "SubclassTrainFractions: the fraction of label 0 must lie in [0, 1], not -0.25")]
    public void InvalidSubclassTrainFractionsAreNamed(int label, double fraction, string message)
    {
        WriteFourLabels();
        var error = Assert.Throws<ArgumentException>(() => Create(new IdxImages { SubclassTrainFractions = new Dictionary<int, double> { [label] = fraction } }));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void AClassLeftWithoutTrainingDataIsNamedWithItsLabels()
    {
        WriteFourLabels();
        var error = Assert.Throws<ArgumentException>(() => Create(new IdxImages
        {
            TrainSubset = 8, ClassGroups = [[0, 2], [1], [3]], SubclassTrainFractions = new Dictionary<int, double> { [3] = 0 },
        }));
        Assert.StartsWith("Class 2 (label 3) would have no training data under TrainSubset and SubclassTrainFractions", error.Message);
        // Without ClassGroups each label is its own class, which a fraction of 0 would leave untrained.
        var ungrouped = Assert.Throws<ArgumentException>(() => Create(new IdxImages
        {
            TrainSubset = 8, SubclassTrainFractions = new Dictionary<int, double> { [1] = 0 },
        }));
        Assert.StartsWith("Class 1 (label 1) would have no training data", ungrouped.Message);
        using var plain = Create(new IdxImages { TrainSubset = 2 }); // quotas 1, 1, 0, 0: allowed as before
        Assert.Equal(2, plain.TrainTargets.shape[0]);
    }

    [Fact]
    public void SubclassOptionsRejectImbalanceRatioAndTheFullTrainingFile()
    {
        WriteFourLabels();
        var imbalanced = Assert.Throws<ArgumentException>(() => Create(new IdxImages { TrainSubset = 8, ImbalanceRatio = 2, ClassGroups = EvenOdd }));
        Assert.Contains("cannot be combined with ClassGroups or SubclassTrainFractions", imbalanced.Message);
        var full = Assert.Throws<ArgumentException>(() => Create(new IdxImages
        {
            TrainSubset = 0, SubclassTrainFractions = new Dictionary<int, double> { [0] = 0.5 },
        }));
        Assert.StartsWith("SubclassTrainFractions needs a TrainSubset size", full.Message);
        var scarce = Assert.Throws<ArgumentException>(() => Create(new IdxImages
        {
            TrainSubset = 40, SubclassTrainFractions = new Dictionary<int, double> { [0] = 0.5 },
        }));
        // Σf = 3.5: label 0 gets ⌈0.5·40/3.5⌉ = 6 of its 10, label 1 ⌊40/3.5⌋ = 11 of its 10.
        Assert.StartsWith("Label 1 needs 11 training examples", scarce.Message);
    }
}
