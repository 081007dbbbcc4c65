namespace GrokDsl.Overrides;

/// <summary>A <c>--set</c> or <c>--sweep</c> that cannot be applied; the message names the option and the problem.</summary>
public sealed class OverrideException(string message) : Exception(message);
