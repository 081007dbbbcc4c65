using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// MNIST-format images from a local folder: a seeded training subset (per-label quotas from
/// <see cref="ClassQuotas"/>, or from Eq. 1 of "Grokking Explained" under per-subclass fractions), an
/// optional test subset, labels mapped to their <see cref="LabelGroups"/> class, pixels flattened to
/// features and normalized with statistics of the training subset only.
/// </summary>
public sealed class IdxImagesProvider : IDatasetProvider, IValidatesOptions
{
    public string Id => "idx-images";

    public void Validate(ComponentOptions options) => Validate(options.Bind<IdxImages>());

    static readonly string[] Normalizations = ["standardize", "unit", "none"];

    public DatasetTensors Create(ComponentOptions options, int seed)
    {
        var o = options.Bind<IdxImages>();
        Validate(o);
        var (trainImages, trainLabels) = ReadPair(o.Folder, "train-images", "train-labels");
        var (testImages, testLabels) = ReadPair(o.Folder, "t10k-images", "t10k-labels");
        if (trainImages.Dimensions[1] != testImages.Dimensions[1] || trainImages.Dimensions[2] != testImages.Dimensions[2])
            throw new InvalidDataException(
                $"{testImages.Path}: images are {testImages.Dimensions[1]}×{testImages.Dimensions[2]} but the training images are {trainImages.Dimensions[1]}×{trainImages.Dimensions[2]}.");

        var labelCount = Math.Max(trainLabels.Data.Max(), testLabels.Data.Max()) + 1;
        CheckEveryClassOccurs(trainLabels, testLabels, labelCount);
        var groups = LabelGroups.Of(o, labelCount);
        var splitSeed = o.SplitSeed ?? seed;
        var trainRows = TrainRows(trainLabels, groups, o, DerivedSeed.Of(splitSeed, "train-subset"));
        var testRows = TestRows(testLabels.Count, o.TestSubset, DerivedSeed.Of(splitSeed, "test-subset"));

        var pixels = trainImages.Dimensions[1] * trainImages.Dimensions[2];
        var trainFeatures = Features(trainImages, trainRows, pixels);
        var (shift, scale) = Normalization(o.Normalization, trainFeatures);
        var testFeatures = Features(testImages, testRows, pixels);
        Normalize(trainFeatures, shift, scale);
        Normalize(testFeatures, shift, scale);

        return new DatasetTensors(
            new DatasetShape(SequenceLength: 0, VocabularySize: 0, FeatureCount: pixels, ClassCount: groups.ClassCount),
            tensor(trainFeatures, [trainRows.Length, pixels]),
            tensor(trainRows.Select(r => (long)groups.ClassOfLabel[trainLabels.Data[r]]).ToArray()),
            tensor(testFeatures, [testRows.Length, pixels]),
            tensor(testRows.Select(r => (long)groups.ClassOfLabel[testLabels.Data[r]]).ToArray()));
    }

    static void Validate(IdxImages o)
    {
        if (string.IsNullOrWhiteSpace(o.Folder)) throw new ArgumentException("Folder must name the folder holding the IDX files.");
        if (o.TrainSubset < 0 || o.TestSubset < 0) throw new ArgumentException("TrainSubset and TestSubset must be ≥ 0 (0: all).");
        if (!(o.ImbalanceRatio >= 1) || double.IsInfinity(o.ImbalanceRatio))
            throw new ArgumentException($"ImbalanceRatio must be a finite number ≥ 1, not {o.ImbalanceRatio}.");
        if (o.ImbalanceRatio != 1 && o.TrainSubset == 0)
            throw new ArgumentException("ImbalanceRatio needs a TrainSubset size: the full training file cannot be re-balanced.");
        if (o.ImbalanceRatio != 1 && (o.ClassGroups is not null || o.SubclassTrainFractions is not null))
            throw new ArgumentException(
                "ImbalanceRatio imbalances the file's labels and cannot be combined with ClassGroups or SubclassTrainFractions; shift the training set with SubclassTrainFractions instead.");
        if (o.SubclassTrainFractions is not null && o.TrainSubset == 0)
            throw new ArgumentException("SubclassTrainFractions needs a TrainSubset size: it is the budget γ_D that Eq. 1 shares among the subclasses.");
        if (!Normalizations.Contains(o.Normalization))
            throw new ArgumentException($"Unknown normalization '{o.Normalization}'; known: {string.Join(", ", Normalizations)}.");
    }

    /// <summary>Images and labels of one split, checked against each other.</summary>
    static (IdxFile Images, IdxFile Labels) ReadPair(string folder, string imagesStem, string labelsStem)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"IDX folder '{folder}' does not exist (GrokDsl downloads nothing; put the MNIST-format files there or set Folder).");
        var images = IdxFile.Read(Find(folder, imagesStem, "idx3-ubyte"), IdxFile.ImagesMagic);
        var labels = IdxFile.Read(Find(folder, labelsStem, "idx1-ubyte"), IdxFile.LabelsMagic);
        if (images.Count == 0) throw new InvalidDataException($"{images.Path} holds no images.");
        if (images.Count != labels.Count)
            throw new InvalidDataException($"{images.Path} holds {images.Count} images but {labels.Path} holds {labels.Count} labels.");
        return (images, labels);
    }

    // The usual names ("train-images-idx3-ubyte"), the dotted variant ("train-images.idx3-ubyte"), each raw or gzipped.
    static string Find(string folder, string stem, string suffix)
    {
        string[] names = [$"{stem}-{suffix}", $"{stem}-{suffix}.gz", $"{stem}.{suffix}", $"{stem}.{suffix}.gz"];
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"Missing IDX file {Path.Combine(folder, names[0])} (also looked for {string.Join(", ", names[1..])}); GrokDsl downloads nothing.",
            Path.Combine(folder, names[0]));
    }

    // A label byte flipped to, say, 200 would silently make a 201-class problem; in MNIST-format data every
    // class below the largest label has training examples, so a gap means a corrupt labels file.
    static void CheckEveryClassOccurs(IdxFile trainLabels, IdxFile testLabels, int classCount)
    {
        var counts = new int[classCount];
        foreach (var label in trainLabels.Data) counts[label]++;
        var missing = Enumerable.Range(0, classCount).Where(c => counts[c] == 0).ToArray();
        if (missing.Length == 0) return;
        var culprit = trainLabels.Data.Max() == classCount - 1 ? trainLabels : testLabels;
        throw new InvalidDataException(
            $"{culprit.Path}: holds label {classCount - 1}, but {trainLabels.Path} has no example of "
            + $"class{(missing.Length == 1 ? "" : "es")} {string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")} (corrupt labels file?).");
    }

    static int[] TrainRows(IdxFile labels, LabelGroups groups, IdxImages o, ulong seed)
    {
        using var generator = new Generator(seed);
        if (o.TrainSubset == 0) return Shuffled(labels.Count, generator);
        if (o.TrainSubset > labels.Count)
            throw new ArgumentException($"TrainSubset {o.TrainSubset} exceeds the {labels.Count} examples of {labels.Path}.");

        var labelCount = groups.ClassOfLabel.Length;
        var quotas = o.SubclassTrainFractions is null
            ? ClassQuotas.Of(o.TrainSubset, labelCount, o.ImbalanceRatio)
            : Downsampling.PerSubclass(o.TrainSubset, groups.TrainFractions);
        // Checked only under the subclass options, so that a tiny plain TrainSubset keeps working as it always did.
        if (o.ClassGroups is not null || o.SubclassTrainFractions is not null) groups.CheckEveryClassIsTrained(quotas);
        var byLabel = Enumerable.Range(0, labelCount).Select(_ => new List<int>()).ToArray();
        foreach (var row in Shuffled(labels.Count, generator)) byLabel[labels.Data[row]].Add(row);
        var rows = new List<int>(quotas.Sum());
        for (var label = 0; label < labelCount; label++)
        {
            if (quotas[label] > byLabel[label].Count)
                throw new ArgumentException(o.SubclassTrainFractions is null
                    ? $"Class {label} needs {quotas[label]} training examples for TrainSubset {o.TrainSubset} and ImbalanceRatio {o.ImbalanceRatio}, but {labels.Path} has {byLabel[label].Count}."
                    : $"Label {label} needs {quotas[label]} training examples for TrainSubset {o.TrainSubset} under SubclassTrainFractions (Eq. 1), but {labels.Path} has {byLabel[label].Count}.");
            rows.AddRange(byLabel[label].Take(quotas[label]));
        }
        // Interleave the classes so that minibatches drawn in order are not single-class.
        var order = Shuffled(rows.Count, generator);
        return [.. order.Select(i => rows[i])];
    }

    static int[] TestRows(int count, int subset, ulong seed)
    {
        if (subset > count) throw new ArgumentException($"TestSubset {subset} exceeds the {count} test examples.");
        using var generator = new Generator(seed);
        var rows = Shuffled(count, generator);
        return subset == 0 ? [.. rows.Order()] : rows[..subset];
    }

    static int[] Shuffled(int count, Generator generator)
    {
        using var order = randperm(count, generator: generator);
        return [.. order.data<long>().ToArray().Select(v => (int)v)];
    }

    static float[] Features(IdxFile images, int[] rows, int pixels)
    {
        var features = new float[rows.Length * pixels];
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < pixels; j++) features[i * pixels + j] = images.Data[rows[i] * pixels + j];
        return features;
    }

    static void Normalize(float[] features, double shift, double scale)
    {
        for (var i = 0; i < features.Length; i++) features[i] = (float)((features[i] - shift) / scale);
    }

    /// <summary>(shift, scale) with normalized = (pixel − shift) / scale.</summary>
    static (double Shift, double Scale) Normalization(string normalization, float[] trainFeatures)
    {
        switch (normalization)
        {
            case "unit": return (0, 255);
            case "none": return (0, 1);
        }
        double sum = 0, sumOfSquares = 0;
        foreach (var v in trainFeatures)
        {
            sum += v;
            sumOfSquares += (double)v * v;
        }
        var mean = sum / trainFeatures.Length;
        var std = Math.Sqrt(Math.Max(0, sumOfSquares / trainFeatures.Length - mean * mean));
        // A constant training subset has nothing to scale by; centre it and leave the scale alone.
        return (mean, std > 0 ? std : 1);
    }
}
