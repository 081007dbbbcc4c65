using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Planning;

namespace GrokDsl.Runtime.Coordination;

/// <summary>A run that cannot resume as asked, found before anything trains: its index in the plan and why.</summary>
public sealed record ResumeProblem(int RunIndex, string Message);

/// <summary>
/// The runs of a plan whose resume would be refused, found before anything trains: a gap in a run's metrics stream
/// (<see cref="MetricsGap"/>) under <see cref="MetricsGapPolicy.Refuse"/>, or a metrics file that cannot be read. The
/// sweep is then refused whole with exit 2, like any other input that needs the user's decision, instead of training
/// its other runs first and failing these at the end.
/// </summary>
public static class ResumePreflight
{
    /// <param name="indices">The runs to check (a scheduler task's); all of the plan's when null.</param>
    /// <param name="force">Runs that train again from scratch, and so resume nothing.</param>
    public static IReadOnlyList<ResumeProblem> Check(RunPlan plan, MetricsGapPolicy policy, IReadOnlyList<int>? indices = null, Func<RunSpec, bool>? force = null)
    {
        var problems = new List<ResumeProblem>();
        foreach (var index in indices ?? Enumerable.Range(0, plan.Runs.Count))
        {
            var spec = plan.Runs[index];
            var directory = plan.DirectoryOf(index);
            if (force?.Invoke(spec) == true || !Directory.Exists(directory.Path) || plan.IsFinished(index)) continue;
            try
            {
                if (policy == MetricsGapPolicy.Refuse && ResumePoint.Gap(new CheckpointStore(directory.Path), directory, spec) is { } gap)
                    problems.Add(new ResumeProblem(index, gap.Describe()));
            }
            catch (DamagedRunFileException e)
            {
                problems.Add(new ResumeProblem(index, e.Message));
            }
        }
        return problems;
    }
}
