using TorchSharp;

namespace GrokDsl.Runtime.Devices;

/// <summary>What became of a run's <see cref="Training.AllowTf32"/>; <paramref name="Note"/> says why it was not in effect when asked for.</summary>
public sealed record Tf32Setting(bool Requested, bool InEffect, string? Note);

/// <summary>
/// TF32 for float32 matrix products (cuBLAS) and convolutions (cuDNN) on CUDA, through TorchSharp's
/// <c>torch.backends.cuda.matmul.allow_tf32</c> and <c>torch.backends.cudnn.allow_tf32</c>, PyTorch's switches of the
/// same names. They are global to the process, so every run sets them, on or off, before it trains: a run never
/// inherits the setting of the run before it.
/// </summary>
public static class Tf32
{
    public static Tf32Setting Apply(Training training, SelectedDevice device)
    {
        var requested = training.AllowTf32;
        if (!device.IsCuda)
            return new(requested, false, requested
                ? $"Training.AllowTf32 is set but the run trains on {device.Name}; TF32 exists only for CUDA matrix products, so it trains in full float32"
                : null);

        // Float64 products never use TF32; validation rejects the combination, this keeps the record honest without it.
        var enable = requested && training.Precision == Precision.Float32;
        torch.backends.cuda.matmul.allow_tf32 = enable;
        torch.backends.cudnn.allow_tf32 = enable;
        var inEffect = enable && torch.backends.cuda.matmul.allow_tf32;
        return new(requested, inEffect, requested && !inEffect ? $"Training.AllowTf32 is set but TF32 is not in effect on {device.Name} (precision {training.Precision})" : null);
    }
}
