namespace GrokDsl.Validation;

/// <summary>
/// An options record whose settings constrain each other in ways [Range] and [DivisibleBy] cannot say.
/// <see cref="OptionChecks"/> asks it for its problems with the resolved values of every run.
/// </summary>
public interface ICrossCheckedOptions
{
    /// <summary>One message per broken rule, naming the settings under <paramref name="name"/> (e.g. "Training").</summary>
    IEnumerable<string> Problems(string name);
}
