namespace GrokDsl.Runtime.Stacking.Transforms;

/// <summary>
/// A gradient transform (<see cref="Optimization.IGradientTransform"/>) for every run of a stack at once, on the flat
/// [R, P] gradient buffer of <see cref="FlatAdamW"/>, with per-run settings. Each run's state is saved and loaded in
/// the format of its lone transform, so a checkpoint resumes stacked or alone.
/// </summary>
interface IStackedGradientTransform : IDisposable
{
    void Apply(FlatAdamW optimizer);

    /// <param name="parameterOrder">For each parameter of the run's own model, in order, the index of its stacked parameter.</param>
    void Save(BinaryWriter writer, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder);

    void Load(BinaryReader reader, FlatAdamW optimizer, int run, IReadOnlyList<int> parameterOrder);
}
