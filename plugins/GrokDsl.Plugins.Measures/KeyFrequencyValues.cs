namespace GrokDsl.Plugins.Measures;

/// <summary>
/// How every key-frequency measure reports its set: "key_frequencies.count" and "key_frequency.k&lt;k&gt;" (the score),
/// so that <c>fourier</c>, <c>restricted-loss</c> and <c>excluded-loss</c> can be compared, and so that
/// <c>grokdsl measure</c> can read the set of a final checkpoint back from any of them.
/// </summary>
static class KeyFrequencyValues
{
    public const string CountKey = "key_frequencies.count";
    public const string FrequencyPrefix = "key_frequency.k";

    public static void Add(Dictionary<string, double> values, KeyFrequencySet keys)
    {
        values[CountKey] = keys.Frequencies.Count;
        foreach (var k in keys.Frequencies) values[$"{FrequencyPrefix}{k}"] = keys.Scores[k];
    }
}
