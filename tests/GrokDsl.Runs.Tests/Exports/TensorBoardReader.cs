using System.Buffers.Binary;
using Google.Protobuf;
using GrokDsl.Runs.Exports;

namespace GrokDsl.Runs.Tests.Exports;

/// <summary>One event read back: its step, wall time, file version (first event only) and scalars.</summary>
sealed record ReadEvent(double WallTime, long Step, string? FileVersion, IReadOnlyDictionary<string, float> Scalars);

/// <summary>
/// Reads an event file the way TensorFlow's record reader does, written from the format's specification rather than from
/// the exporter: per record a little-endian u64 length, the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C
/// of the data; each record an <c>Event</c> message (wall_time = 1, step = 2, file_version = 3, summary = 5; a summary's
/// value = 1 with tag = 1 and simple_value = 2). A CRC mismatch or a truncated record throws.
/// </summary>
static class TensorBoardReader
{
    public static IReadOnlyList<ReadEvent> Read(string path)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        var events = new List<ReadEvent>();
        while (bytes.Length > 0)
        {
            if (bytes.Length < 12) throw new InvalidDataException("truncated record header");
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            Check(bytes[..8], BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..12]), "length");
            if (bytes.Length < 12 + length + 4) throw new InvalidDataException("truncated record");
            var data = bytes.Slice(12, length);
            Check(data, BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(12 + length, 4)), "data");
            events.Add(ParseEvent(data.ToArray()));
            bytes = bytes[(12 + length + 4)..];
        }
        return events;
    }

    // Masking as TensorFlow's crc32c::Mask: rotate right by 15 bits, add a constant.
    static void Check(ReadOnlySpan<byte> data, uint stored, string what)
    {
        var crc = Crc32C.Compute(data);
        var masked = unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);
        if (masked != stored) throw new InvalidDataException($"{what} CRC mismatch");
    }

    static ReadEvent ParseEvent(byte[] data)
    {
        var input = new CodedInputStream(data);
        var (wallTime, step, version, scalars) = (0.0, 0L, (string?)null, new Dictionary<string, float>());
        for (uint tag; (tag = input.ReadTag()) != 0;)
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: wallTime = input.ReadDouble(); break;
                case 2: step = input.ReadInt64(); break;
                case 3: version = input.ReadString(); break;
                case 5: ParseSummary(input.ReadBytes().ToByteArray(), scalars); break;
                default: input.SkipLastField(); break;
            }
        return new ReadEvent(wallTime, step, version, scalars);
    }

    static void ParseSummary(byte[] data, Dictionary<string, float> scalars)
    {
        var input = new CodedInputStream(data);
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1) { input.SkipLastField(); continue; }
            var value = new CodedInputStream(input.ReadBytes().ToByteArray());
            var (name, simple) = ("", float.NaN);
            for (uint field; (field = value.ReadTag()) != 0;)
                switch (WireFormat.GetTagFieldNumber(field))
                {
                    case 1: name = value.ReadString(); break;
                    case 2: simple = value.ReadFloat(); break;
                    default: value.SkipLastField(); break;
                }
            scalars[name] = simple;
        }
    }
}
