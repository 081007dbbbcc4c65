namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// The subclass structure of idx-images (<see cref="IdxImages.ClassGroups"/>, <see cref="IdxImages.SubclassTrainFractions"/>):
/// which class each file label (subclass) belongs to and what fraction of it the training subset keeps,
/// validated against the labels the files hold. Errors name the option, since the files are not at fault.
/// </summary>
public sealed record LabelGroups(int[] ClassOfLabel, int ClassCount, double[] TrainFractions)
{
    public static LabelGroups Of(IdxImages o, int labelCount) =>
        new(ClassesOf(o.ClassGroups, labelCount), o.ClassGroups?.Count ?? labelCount, FractionsOf(o.SubclassTrainFractions, labelCount));

    static int[] ClassesOf(IReadOnlyList<IReadOnlyList<int>>? groups, int labelCount)
    {
        if (groups is null) return [.. Enumerable.Range(0, labelCount)];
        if (groups.Count < 2) throw new ArgumentException($"ClassGroups needs at least 2 groups (classes to predict), not {groups.Count}.");
        var classOf = Enumerable.Repeat(-1, labelCount).ToArray();
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g] is not { Count: > 0 }) throw new ArgumentException($"ClassGroups: group {g} is empty; every group needs at least one label.");
            foreach (var label in groups[g])
            {
                if (label < 0 || label >= labelCount)
                    throw new ArgumentException($"ClassGroups: group {g} holds label {label}, but the IDX files hold labels 0–{labelCount - 1}.");
                if (classOf[label] >= 0)
                    throw new ArgumentException($"ClassGroups: label {label} is in group {classOf[label]} and again in group {g}; each label belongs to exactly one group.");
                classOf[label] = g;
            }
        }
        var missing = Enumerable.Range(0, labelCount).Where(label => classOf[label] < 0).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"ClassGroups leaves out label{(missing.Length == 1 ? "" : "s")} {string.Join(", ", missing)}; each label belongs to exactly one group.");
        return classOf;
    }

    static double[] FractionsOf(IReadOnlyDictionary<int, double>? fractions, int labelCount)
    {
        var result = Enumerable.Repeat(1.0, labelCount).ToArray();
        if (fractions is null) return result;
        foreach (var (label, fraction) in fractions.OrderBy(p => p.Key))
        {
            if (label < 0 || label >= labelCount)
                throw new ArgumentException($"SubclassTrainFractions names label {label}, but the IDX files hold labels 0–{labelCount - 1}.");
            if (fraction is < 0 or > 1 || double.IsNaN(fraction))
                throw new ArgumentException($"SubclassTrainFractions: the fraction of label {label} must lie in [0, 1], not {fraction}.");
            result[label] = fraction;
        }
        return result;
    }

    /// <summary>Checks that every class keeps training examples under the per-label quotas of the training subset.</summary>
    public void CheckEveryClassIsTrained(int[] quotasByLabel)
    {
        var trained = new int[ClassCount];
        for (var label = 0; label < quotasByLabel.Length; label++) trained[ClassOfLabel[label]] += quotasByLabel[label];
        if (Enumerable.Range(0, ClassCount).FirstOrDefault(c => trained[c] == 0, -1) is not (>= 0 and var empty)) return;
        var labels = Enumerable.Range(0, ClassOfLabel.Length).Where(label => ClassOfLabel[label] == empty);
        throw new ArgumentException(
            $"Class {empty} (label{(labels.Count() == 1 ? "" : "s")} {string.Join(", ", labels)}) would have no training data "
            + "under TrainSubset and SubclassTrainFractions; raise TrainSubset or a fraction, or regroup the labels with ClassGroups.");
    }
}
