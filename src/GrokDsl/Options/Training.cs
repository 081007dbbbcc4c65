using System.Text.Json.Serialization;
using GrokDsl.Validation;

namespace GrokDsl;

/// <summary>How a run is trained and evaluated.</summary>
public sealed record Training : ICrossCheckedOptions
{
    /// <summary>Examples per step; 0 trains on the full training set every step.</summary>
    [Range(Min = 0)]
    public int BatchSize { get; init; }

    /// <summary>Test-set evaluation cadence in steps. Train metrics come from every training step.</summary>
    [Range(Min = 1)]
    public int EvaluateEvery { get; init; } = 10;

    /// <summary>Progress-measure cadence in steps, at test evaluations; used while <see cref="MeasureCadence"/> is null.</summary>
    [Range(Min = 1)]
    public int MeasureEvery { get; init; } = 100;

    /// <summary>
    /// When every progress measure runs: every N steps, log-spaced, at events; replaces <see cref="MeasureEvery"/>.
    /// Left out of the configuration while null, so that run ids from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MeasureCadence? MeasureCadence { get; init; }

    /// <summary>
    /// Cadences of single measures by id, over <see cref="MeasureCadence"/>: e.g. a cheap measure every step,
    /// <c>["accuracy"] = new() { Every = 1 }</c>, next to an expensive one every 1000.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, MeasureCadence>? MeasureCadences { get; init; }

    /// <summary>Train accuracy at which the model counts as having memorized.</summary>
    [Range(Min = 0, Max = 1)]
    public double MemorizationThreshold { get; init; } = 0.99;

    /// <summary>Test accuracy at which the model counts as having grokked.</summary>
    [Range(Min = 0, Max = 1)]
    public double GrokkingThreshold { get; init; } = 0.95;

    /// <summary>Checkpoint cadence in steps; a killed or preempted run resumes from its last checkpoint.</summary>
    [Range(Min = 1)]
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>How many recent checkpoints to keep; those at memorization, grokking and the end are always kept.</summary>
    [Range(Min = 1)]
    public int KeepCheckpoints { get; init; } = 2;

    /// <summary>
    /// Checkpoints kept besides the newest <see cref="KeepCheckpoints"/>: every N steps, log-spaced, or all, so that
    /// <c>grokdsl measure</c> can measure the run afterwards. Left out of the configuration while null, so that run ids
    /// from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KeepCheckpointSchedule? KeepCheckpointSchedule { get; init; }

    /// <summary>The loss minimized; cross-entropy unless a paper says otherwise (Omnigrok: MSE; Prieto et al.: StableMax).</summary>
    public LossFunction Loss { get; init; } = LossFunction.CrossEntropy;

    /// <summary>Floating-point type of parameters, activations and gradients.</summary>
    public Precision Precision { get; init; } = Precision.Float32;

    /// <summary>Compute the loss in float64 whatever the training precision (what Nanda et al.'s code meant to do).</summary>
    public bool LossInFloat64 { get; init; }

    /// <summary>
    /// Let float32 matrix products and convolutions on CUDA use TF32 tensor cores (10 mantissa bits instead of 23;
    /// faster on Ampere and newer GPUs). Off unless asked for, as in PyTorch, because where a model groks can hinge
    /// on small numbers. It has no effect on the CPU (the run says so) and cannot be combined with float64.
    /// Left out of the configuration while false, so that run ids from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AllowTf32 { get; init; }

    /// <summary>
    /// Start from another run's checkpoint (<see cref="GrokDsl.InitializeFrom"/>) instead of a fresh initialization.
    /// Left out of the configuration while null, so that run ids from before it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InitializeFrom? InitializeFrom { get; init; }

    public IEnumerable<string> Problems(string name)
    {
        if (AllowTf32 && Precision == Precision.Float64)
            yield return $"{name}.AllowTf32 is true but {name}.Precision is Float64: TF32 only changes float32 matrix products; drop one of them";
        if (InitializeFrom is { Run.Length: 0 })
            yield return $"{name}.InitializeFrom.Run is empty: name the run directory to start from";
    }
}
