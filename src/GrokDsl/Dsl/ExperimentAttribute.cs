namespace GrokDsl;

/// <summary>
/// Marks a <c>partial record</c> as an experiment. The source generator turns it into a typed
/// pipeline: canonical configuration, sweep expansion, run specification and catalog registration.
/// </summary>
/// <param name="id">Stable experiment id; runs are stored under <c>runs/&lt;id&gt;/</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExperimentAttribute(string id) : Attribute
{
    /// <summary>Stable experiment id (lower-case, dash-separated by convention).</summary>
    public string Id { get; } = id;

    /// <summary>Where the setup comes from: paper, section, repository. Shown in reports.</summary>
    public string? Source { get; set; }
}
