namespace GrokDsl.Cli.Launchers.Slurm;

/// <summary>The value of <c>--array</c>: task indices as ranges ("0-3,7,9-10"), then "%M" to cap how many run at once.</summary>
public static class ArraySpec
{
    public static string Format(IEnumerable<int> taskIndices, int? maxRunning = null)
    {
        var sorted = taskIndices.Distinct().Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("an array needs at least one task", nameof(taskIndices));
        var ranges = new List<string>();
        for (var start = 0; start < sorted.Count;)
        {
            var end = start;
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1) end++;
            ranges.Add(end == start ? $"{sorted[start]}" : $"{sorted[start]}-{sorted[end]}");
            start = end + 1;
        }
        return string.Join(',', ranges) + (maxRunning is { } m ? $"%{m}" : "");
    }
}
