using System.Buffers.Binary;
using System.IO.Compression;

namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// One IDX file (LeCun, Cortes and Burges, the MNIST format): two zero bytes, a type byte (0x08 for
/// unsigned bytes, the only type MNIST-style files use), a byte giving the number of dimensions, the
/// dimensions as big-endian int32, then the data. Gzipped files (magic 1f 8b) are decompressed.
/// Every problem is reported as an <see cref="InvalidDataException"/> naming the file.
/// </summary>
public sealed record IdxFile(string Path, int[] Dimensions, byte[] Data)
{
    /// <summary>Magic number of unsigned-byte images: 0x00000803.</summary>
    public const int ImagesMagic = 0x0803;

    /// <summary>Magic number of unsigned-byte labels: 0x00000801.</summary>
    public const int LabelsMagic = 0x0801;

    public int Count => Dimensions[0];

    /// <summary>Reads <paramref name="path"/> and checks it holds unsigned bytes in the given number of dimensions.</summary>
    public static IdxFile Read(string path, int expectedMagic)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            if (bytes is [0x1f, 0x8b, ..]) bytes = Gunzip(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid gzip stream ({e.Message}).", e);
        }

        if (bytes.Length < 4)
            throw new InvalidDataException($"{path}: {bytes.Length} bytes is too short for an IDX header.");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
            throw new InvalidDataException(
                $"{path}: magic number 0x{magic:x8}, expected 0x{expectedMagic:x8} ({Describe(expectedMagic)}).");

        var dimensionCount = expectedMagic & 0xff;
        var headerLength = 4 + 4 * dimensionCount;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"{path}: the header needs {headerLength} bytes but the file has {bytes.Length}.");
        var dimensions = new int[dimensionCount];
        long expectedData = 1;
        for (var i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (dimensions[i] < 0) throw new InvalidDataException($"{path}: dimension {i} is negative ({dimensions[i]}).");
            expectedData *= dimensions[i];
        }
        var actualData = bytes.Length - headerLength;
        if (actualData != expectedData)
            throw new InvalidDataException(
                $"{path}: dimensions [{string.Join(", ", dimensions)}] need {expectedData} data bytes but the file has {actualData} (truncated or corrupt).");
        return new IdxFile(path, dimensions, bytes[headerLength..]);
    }

    static string Describe(int magic) => magic switch
    {
        ImagesMagic => "unsigned-byte images in 3 dimensions, idx3-ubyte",
        LabelsMagic => "unsigned-byte labels in 1 dimension, idx1-ubyte",
        _ => "IDX",
    };

    static byte[] Gunzip(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
