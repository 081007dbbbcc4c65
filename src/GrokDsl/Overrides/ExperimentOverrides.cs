using System.Globalization;
using GrokDsl.Shared;

namespace GrokDsl.Overrides;

/// <summary>
/// Command-line changes to an experiment: <c>--set Optimizer.WeightDecay=0.3</c> fixes a setting,
/// <c>--sweep Seed=0..9</c> adds (or replaces) a grid axis. Values are bound to the settings' declared
/// types and checked against their ranges before anything runs.
/// </summary>
/// <remarks>
/// Order: the declared sweep expands first, then every --sweep axis multiplies it (the first varies
/// slowest), then --set applies to every run. So --sweep replaces a declared axis of the same setting
/// and --set wins over both; runs that become identical are kept once.
/// </remarks>
public sealed class ExperimentOverrides
{
    readonly IReadOnlyList<(string Path, string Value)> _sets;
    readonly IReadOnlyList<(string Path, IReadOnlyList<string> Values)> _sweeps;

    ExperimentOverrides(IReadOnlyList<(string, string)> sets, IReadOnlyList<(string, IReadOnlyList<string>)> sweeps) =>
        (_sets, _sweeps) = (sets, sweeps);

    public bool IsEmpty => _sets.Count == 0 && _sweeps.Count == 0;

    /// <summary>Reads the option texts; <see cref="ApplyTo"/> binds them to an experiment.</summary>
    /// <exception cref="OverrideException">An option is not of the form PATH=VALUE or its sweep values are malformed.</exception>
    public static ExperimentOverrides Parse(IEnumerable<string> sets, IEnumerable<string> sweeps) => new(
        [.. sets.Select(set => Split("--set", set))],
        [.. sweeps.Select(sweep => Split("--sweep", sweep)).Select(s => (s.Path, SweepValues(s.Path, s.Value)))]);

    /// <summary>The experiment with the overrides applied; the experiment itself when there are none.</summary>
    /// <exception cref="OverrideException">A path names no setting, or a value has the wrong type or is out of range.</exception>
    public IExperiment ApplyTo(IExperiment experiment)
    {
        if (IsEmpty) return experiment;
        var type = experiment.GetType();
        var sets = _sets.Select(s => Bind("--set", type, s.Path, [s.Value])).Select(b => (b.Path, b.Values[0])).ToList();
        var axes = _sweeps.Select(s => Bind("--sweep", type, s.Path, s.Values)).ToList();
        return new OverriddenExperiment(experiment, sets, axes);
    }

    static (SettingPath Path, IReadOnlyList<object?> Values) Bind(string option, Type type, string path, IReadOnlyList<string> values)
    {
        try
        {
            var resolved = SettingPath.Resolve(type, path);
            return (resolved, values.Select(value => SettingValue.Parse(resolved, value)).ToList());
        }
        catch (OverrideException e)
        {
            throw new OverrideException($"{option} {e.Message}");
        }
    }

    static (string Path, string Value) Split(string option, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
            throw new OverrideException($"{option} '{text}': write PATH=VALUE, e.g. {(option == "--set" ? "Optimizer.WeightDecay=0.3" : "Seed=0..9")}");
        return (text[..equals].Trim(), text[(equals + 1)..].Trim());
    }

    // "0..9" and "0.1..0.5:0.1" are ranges (ends included), "1e-4..1e-1:log4" four log-spaced values,
    // anything else a comma-separated list.
    static IReadOnlyList<string> SweepValues(string path, string text)
    {
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) return [.. text.Split(',').Select(v => v.Trim())];

        var (from, rest) = (text[..dots], text[(dots + 2)..]);
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var (to, step) = colon < 0 ? (rest, "1") : (rest[..colon], rest[(colon + 1)..]);
        var isLog = step.StartsWith("log", StringComparison.Ordinal);
        var logCount = 0;
        if (isLog && !int.TryParse(step[3..], CultureInfo.InvariantCulture, out logCount))
            throw new OverrideException($"--sweep {path}={text}: '{step}' is not log followed by a count, e.g. log4");
        var count = isLog ? SweepRanges.LogStepCount(Number(from), Number(to), logCount) : SweepRanges.StepCount(Number(from), Number(to), Number(step));
        if (count == 0) throw new OverrideException($"--sweep {path}={text}: the range has no values (check the direction of its step)");
        if (count > SweepRanges.MaxValues)
            throw new OverrideException($"--sweep {path}={text}: the range has {SweepSizes.Describe(SweepSizes.Saturate(count))} values, more than the {SweepSizes.Describe(SweepRanges.MaxValues)} one axis may have");
        var values = isLog ? SweepRanges.LogSteps(Number(from), Number(to), logCount) : SweepRanges.Steps(Number(from), Number(to), Number(step));
        return [.. values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))];

        double Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new OverrideException($"--sweep {path}={text}: '{s}' is not a number");
    }
}
