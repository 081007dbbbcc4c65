using Google.Protobuf;

namespace GrokDsl.Runs.Exports;

/// <summary>
/// The two kinds of TensorBoard <c>Event</c> an export writes, in protobuf wire format, with the field numbers of
/// tensorflow/core/util/event.proto and summary.proto: Event { double wall_time = 1; int64 step = 2;
/// string file_version = 3; Summary summary = 5; }, Summary { repeated Value value = 1; },
/// Value { string tag = 1; float simple_value = 2; }. Only these fields, so no generated code is needed.
/// </summary>
public static class TensorBoardEvent
{
    /// <summary>The first event of every event file: which version of the format follows.</summary>
    public const string FileVersion = "brain.Event:2";

    public static byte[] Version(double wallTime) => Encode(output =>
    {
        WriteWallTime(output, wallTime);
        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteString(FileVersion);
    });

    /// <summary>One step's scalars, one summary value per tag.</summary>
    public static byte[] Scalars(double wallTime, long step, IEnumerable<KeyValuePair<string, float>> scalars)
    {
        var summary = Encode(output =>
        {
            foreach (var (tag, value) in scalars)
            {
                var encoded = Encode(v =>
                {
                    v.WriteTag(1, WireFormat.WireType.LengthDelimited);
                    v.WriteString(tag);
                    v.WriteTag(2, WireFormat.WireType.Fixed32);
                    v.WriteFloat(value);
                });
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(encoded));
            }
        });
        return Encode(output =>
        {
            WriteWallTime(output, wallTime);
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt64(step);
            output.WriteTag(5, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(summary));
        });
    }

    static void WriteWallTime(CodedOutputStream output, double wallTime)
    {
        output.WriteTag(1, WireFormat.WireType.Fixed64);
        output.WriteDouble(wallTime);
    }

    static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true)) write(output);
        return buffer.ToArray();
    }
}
