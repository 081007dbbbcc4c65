namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// The small grammar of tense-inflection, after McCoy, Frank and Linzen 2020 (one level of embedding):
/// <code>
/// S   → NP(subject) VP "."
/// NP  → Det N | Det N PP | Det N RC     the modifier with ModifierProbability, PP or RC equally likely
/// PP  → Prep Det N
/// RC  → Rel Vt Det N | Rel Det N Vt     (the gap on the subject or on the object of the clause)
/// VP  → Vi | Vt NP(object)
/// </code>
/// Every word has a past and a present form; a verb's present form agrees in number with its own subject (the modified
/// noun for a subject-gap clause). Noun phrases inside a PP or RC take no modifier. The nouns, determiners,
/// prepositions and relativizers are those of <see cref="EnglishFragment"/>.
/// </summary>
sealed class TenseFragment(SplitMix64 random, double modifierProbability)
{
    static readonly string[] Determiners = ["the", "some", "my", "your", "our", "her"];
    static readonly string[] Nouns = ["newt", "orangutan", "peacock", "quail", "raven", "salamander", "unicorn", "vulture", "yak", "zebra"];
    static readonly string[] Relativizers = ["who", "that"];
    static readonly string[] Prepositions = ["around", "near", "with", "upon", "by", "behind", "above", "below"];

    // Present plural, present singular, past.
    static readonly (string Plural, string Singular, string Past)[] Transitive =
    [
        ("see", "sees", "saw"), ("entertain", "entertains", "entertained"), ("amuse", "amuses", "amused"), ("admire", "admires", "admired"),
        ("irritate", "irritates", "irritated"), ("confuse", "confuses", "confused"), ("remember", "remembers", "remembered"), ("call", "calls", "called"),
    ];

    static readonly (string Plural, string Singular, string Past)[] Intransitive =
    [
        ("giggle", "giggles", "giggled"), ("smile", "smiles", "smiled"), ("sleep", "sleeps", "slept"), ("swim", "swims", "swam"),
        ("wait", "waits", "waited"), ("move", "moves", "moved"), ("yawn", "yawns", "yawned"),
    ];

    /// <summary>Every word the grammar can produce, in either tense, and the period.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        .. new[]
        {
            Determiners, Nouns, Nouns.Select(n => n + "s").ToArray(), Relativizers, Prepositions,
            Transitive.Concat(Intransitive).SelectMany(v => new[] { v.Plural, v.Singular, v.Past }).ToArray(), new[] { "." },
        }.SelectMany(w => w).Distinct(),
    ];

    /// <summary>
    /// A sentence, each word in both tenses, and whether the noun nearest before the main verb has the subject's
    /// number (what agreeing with the most recent noun needs to be right).
    /// </summary>
    public sealed record Sentence(IReadOnlyList<(string Past, string Present)> Words, bool NearestNounAgrees)
    {
        public IEnumerable<string> Past() => Words.Select(w => w.Past);

        public IEnumerable<string> Present() => Words.Select(w => w.Present);
    }

    public Sentence Draw()
    {
        var words = new List<(string Past, string Present)>();
        var (plural, nearestPlural) = NounPhrase(words);
        if (random.Below(2) == 0) words.Add(Verb(Pick(Intransitive), plural));
        else
        {
            words.Add(Verb(Pick(Transitive), plural));
            NounPhrase(words);
        }
        words.Add(Same("."));
        return new Sentence(words, nearestPlural == plural);
    }

    // Adds the noun phrase; returns whether its head noun and its last noun are plural.
    (bool Head, bool Last) NounPhrase(List<(string Past, string Present)> words)
    {
        var plural = SimpleNounPhrase(words);
        if (random.Below(1 << 20) >= modifierProbability * (1 << 20)) return (plural, plural);
        if (random.Below(2) == 0)
        {
            words.Add(Same(Pick(Prepositions)));
            return (plural, SimpleNounPhrase(words));
        }
        words.Add(Same(Pick(Relativizers)));
        if (random.Below(2) == 0) // the gap is the clause's subject: "who saw the yaks"
        {
            words.Add(Verb(Pick(Transitive), plural));
            return (plural, SimpleNounPhrase(words));
        }
        var inner = SimpleNounPhrase(words); // the gap is the clause's object: "that the yaks saw"
        words.Add(Verb(Pick(Transitive), inner));
        return (plural, inner);
    }

    bool SimpleNounPhrase(List<(string Past, string Present)> words)
    {
        words.Add(Same(Pick(Determiners)));
        var plural = random.Below(2) == 0;
        words.Add(Same(Pick(Nouns) + (plural ? "s" : "")));
        return plural;
    }

    static (string Past, string Present) Same(string word) => (word, word);

    static (string Past, string Present) Verb((string Plural, string Singular, string Past) verb, bool plural) =>
        (verb.Past, plural ? verb.Plural : verb.Singular);

    T Pick<T>(T[] choices) => choices[random.Below(choices.Length)];
}
