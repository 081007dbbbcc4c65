namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// The small grammar of question-formation, after McCoy, Frank and Linzen 2020 (one level of embedding):
/// <code>
/// S   → NP(subject) Aux VP "."          Aux agrees in number with the subject's head noun
/// NP  → Det N | Det N PP | Det N RC     the modifier with ModifierProbability, PP or RC equally likely
/// PP  → Prep Det N
/// RC  → Rel Aux Vt Det N | Rel Det N Aux Vt     (the gap on the subject or on the object of the clause)
/// VP  → Vi | Vt NP(object)
/// Aux → does | doesn't | do | don't | can | can't | will | won't
/// </code>
/// Noun phrases inside a PP or RC take no modifier. "do"-support auxiliaries agree with their subject; modals do not.
/// </summary>
sealed class EnglishFragment(SplitMix64 random, double modifierProbability)
{
    static readonly string[] Determiners = ["the", "some", "my", "your", "our", "her"];
    static readonly string[] Nouns = ["newt", "orangutan", "peacock", "quail", "raven", "salamander", "unicorn", "vulture", "yak", "zebra"];
    static readonly string[] Transitive = ["see", "entertain", "amuse", "admire", "irritate", "confuse", "remember", "call"];
    static readonly string[] Intransitive = ["giggle", "smile", "sleep", "swim", "wait", "move", "read"];
    static readonly string[] Relativizers = ["who", "that"];
    static readonly string[] Prepositions = ["around", "near", "with", "upon", "by", "behind", "above", "below"];
    static readonly string[] SingularAuxiliaries = ["does", "doesn't", "can", "can't", "will", "won't"];
    static readonly string[] PluralAuxiliaries = ["do", "don't", "can", "can't", "will", "won't"];

    /// <summary>Every word the grammar can produce, and the period and question mark.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        .. new[] { Determiners, Nouns, Nouns.Select(n => n + "s").ToArray(), Transitive, Intransitive, Relativizers, Prepositions,
            SingularAuxiliaries, PluralAuxiliaries, new[] { ".", "?" } }.SelectMany(w => w).Distinct(),
    ];

    /// <summary>What the subject of a sentence may carry.</summary>
    public enum Subject { AnyModifier, NoRelativeClause, RelativeClause }

    /// <summary>A declarative and the position of its main-clause auxiliary.</summary>
    public sealed record Sentence(IReadOnlyList<string> Words, int MainAuxiliary)
    {
        /// <summary>The question: the main auxiliary fronted, "?" for ".".</summary>
        public IReadOnlyList<string> Question() =>
            [Words[MainAuxiliary], .. Words.Take(MainAuxiliary), .. Words.Skip(MainAuxiliary + 1).SkipLast(1), "?"];
    }

    public Sentence Draw(Subject subject)
    {
        var words = new List<string>();
        var plural = NounPhrase(words, subject switch
        {
            Subject.RelativeClause => Modifier.RelativeClause,
            Subject.NoRelativeClause => Chance() ? Modifier.PrepositionalPhrase : Modifier.None,
            _ => AnyModifier(),
        });
        var mainAuxiliary = words.Count;
        words.Add(Auxiliary(plural));
        if (random.Below(2) == 0) words.Add(Pick(Intransitive));
        else
        {
            words.Add(Pick(Transitive));
            NounPhrase(words, AnyModifier());
        }
        words.Add(".");
        return new Sentence(words, mainAuxiliary);
    }

    enum Modifier { None, PrepositionalPhrase, RelativeClause }

    Modifier AnyModifier() => !Chance() ? Modifier.None : random.Below(2) == 0 ? Modifier.PrepositionalPhrase : Modifier.RelativeClause;

    bool Chance() => random.Below(1 << 20) < modifierProbability * (1 << 20);

    // Adds the noun phrase; returns whether its head noun is plural.
    bool NounPhrase(List<string> words, Modifier modifier)
    {
        var plural = SimpleNounPhrase(words);
        switch (modifier)
        {
            case Modifier.PrepositionalPhrase:
                words.Add(Pick(Prepositions));
                SimpleNounPhrase(words);
                break;
            case Modifier.RelativeClause when random.Below(2) == 0: // the gap is the clause's subject: "who does see the yak"
                words.Add(Pick(Relativizers));
                words.Add(Auxiliary(plural));
                words.Add(Pick(Transitive));
                SimpleNounPhrase(words);
                break;
            case Modifier.RelativeClause: // the gap is the clause's object: "that the yaks do see"
                words.Add(Pick(Relativizers));
                words.Add(Auxiliary(SimpleNounPhrase(words)));
                words.Add(Pick(Transitive));
                break;
        }
        return plural;
    }

    bool SimpleNounPhrase(List<string> words)
    {
        words.Add(Pick(Determiners));
        var plural = random.Below(2) == 0;
        words.Add(Pick(Nouns) + (plural ? "s" : ""));
        return plural;
    }

    string Auxiliary(bool plural) => Pick(plural ? PluralAuxiliaries : SingularAuxiliaries);

    string Pick(string[] choices) => choices[random.Below(choices.Length)];
}
