namespace GrokDsl.Contracts;

/// <summary>
/// A provider that checks a component's options without building the component (contract 1.5). Preflight calls it
/// for every distinct set of options in a sweep before anything trains, so that a swept value the plugin rejects (a
/// modulus that is not prime, heads that do not divide the width) is refused with exit 2 instead of failing run by
/// run. Dataset, model and measure providers may implement it; the options of a provider that does not are checked
/// when the component is created, as before 1.5.
/// </summary>
public interface IValidatesOptions
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem of <paramref name="options"/>, including options that do not bind.</summary>
    void Validate(ComponentOptions options);
}
