namespace GrokDsl.Fixtures.Support;

/// <summary>A base class from the plugin's private dependency, so that loading the plugin's types needs it.</summary>
public abstract class Label
{
    public abstract string Text { get; }
}
