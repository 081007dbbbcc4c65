using System.Buffers.Binary;

namespace GrokDsl.Runs.Exports;

/// <summary>
/// Appends TFRecord records: the data's length (u64, little-endian), the masked CRC-32C of those 8 bytes, the data,
/// and the masked CRC-32C of the data. TensorBoard's event files are TFRecord files of serialized <c>Event</c> messages.
/// </summary>
public sealed class TfRecordWriter(Stream output) : IDisposable
{
    public void Write(ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[8];
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)data.Length);
        output.Write(length);
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Masked(length));
        output.Write(crc);
        output.Write(data);
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Masked(data));
        output.Write(crc);
    }

    public void Dispose() => output.Dispose();
}
