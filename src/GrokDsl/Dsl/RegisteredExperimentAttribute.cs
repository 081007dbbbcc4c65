namespace GrokDsl;

/// <summary>
/// Emitted by the generator once per experiment so that hosts can list an assembly's experiments
/// without scanning all of its types. Not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class RegisteredExperimentAttribute(Type experimentType) : Attribute
{
    public Type ExperimentType { get; } = experimentType;
}
