using System.Globalization;
using System.Text.Json.Nodes;
using GrokDsl.Contracts;

namespace GrokDsl.Runtime.Measurement;

/// <summary>
/// Nanda et al.'s protocol (2023, §5.1): the key frequencies are read once, from the final (or a named) checkpoint, and
/// every earlier checkpoint is measured with that fixed set, so that the restricted and excluded losses follow one
/// circuit through training instead of the set each checkpoint would give (empty before the circuit forms). The set is
/// read through the measures' own output ("key_frequency.k&lt;k&gt;"), so the runtime needs no Fourier code of its own.
/// </summary>
static class KeyFrequencyProtocol
{
    /// <summary>The measures that use key frequencies, in the order in which one is chosen to read the set.</summary>
    public static readonly string[] MeasureIds = ["fourier", "restricted-loss", "excluded-loss"];

    const string FrequencyKey = "key_frequency.k";

    /// <summary>The measure whose set the pass fixes, or null when none of the pass's measures uses key frequencies.</summary>
    public static ComponentRef? Reader(IReadOnlyList<ComponentRef> measures) =>
        MeasureIds.Select(id => measures.FirstOrDefault(m => m.Id == id)).FirstOrDefault(m => m is not null);

    /// <summary>The key frequencies in one measurement of a key-frequency measure, in increasing order.</summary>
    public static IReadOnlyList<int> Read(IReadOnlyDictionary<string, double> values) =>
        [.. values.Keys.Where(k => k.StartsWith(FrequencyKey, StringComparison.Ordinal))
            .Select(k => int.Parse(k[FrequencyKey.Length..], CultureInfo.InvariantCulture)).Order()];

    /// <summary>A key-frequency measure with <paramref name="keys"/> fixed; other measures, and ones that fix their own, unchanged.</summary>
    public static ComponentRef Fix(ComponentRef measure, IReadOnlyList<int> keys)
    {
        if (!MeasureIds.Contains(measure.Id) || keys.Count == 0) return measure;
        var options = JsonNode.Parse(measure.Options.Json)!.AsObject();
        if (options["KeyFrequencies"] is JsonArray) return measure;
        options["KeyFrequencies"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]);
        return measure with { Options = new ComponentOptions(options.ToJsonString()) };
    }
}
