namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// Random unfinished Dyck prefixes. A prefix is a walk over nesting depth: at depth 0 it opens, at the depth cap it
/// closes, otherwise it opens or closes with equal odds; an opening bracket's kind is uniform, and a closing bracket
/// closes the innermost open one.
/// </summary>
sealed class DyckPrompts(int bracketTypes, int minLength, int maxLength, SplitMix64 random)
{
    /// <summary>
    /// A prefix as bracket ids (0 … k − 1 opening, k … 2k − 1 closing) that never nests deeper than
    /// <paramref name="depthCap"/>, and its deepest nesting; null when the walk ended balanced, with nothing to complete.
    /// </summary>
    public (int[] Brackets, int MaxDepth)? Draw(int depthCap)
    {
        var length = random.Between(minLength, maxLength);
        var brackets = new int[length];
        var open = new Stack<int>();
        var maxDepth = 0;
        for (var i = 0; i < length; i++)
        {
            var opens = open.Count == 0 || (open.Count < depthCap && random.Below(2) == 0);
            if (opens)
            {
                var kind = random.Below(bracketTypes);
                open.Push(kind);
                brackets[i] = kind;
                maxDepth = Math.Max(maxDepth, open.Count);
            }
            else brackets[i] = bracketTypes + open.Pop();
        }
        return open.Count > 0 ? (brackets, maxDepth) : null;
    }

    /// <summary>The closing brackets that complete <paramref name="brackets"/>, innermost first.</summary>
    public static int[] Completion(int[] brackets, int bracketTypes)
    {
        var open = new Stack<int>();
        foreach (var bracket in brackets)
        {
            if (bracket < bracketTypes) open.Push(bracket);
            else open.Pop();
        }
        return [.. open.Select(kind => bracketTypes + kind)];
    }
}
