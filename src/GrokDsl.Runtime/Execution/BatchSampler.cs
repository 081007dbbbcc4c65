using GrokDsl.Runtime.Checkpoints;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Hands out training batches: the whole training set every step (batch size 0), or shuffled
/// mini-batches drawn epoch by epoch from a generator seeded with the run's seed. Its state goes
/// into checkpoints so a resumed run sees the same batches.
/// </summary>
sealed class BatchSampler(Tensor inputs, Tensor targets, int batchSize, int seed) : IDisposable
{
    readonly Generator _generator = new((ulong)seed);
    readonly long _count = targets.shape[0];
    long[]? _order;
    long _position;

    public bool IsFullBatch => batchSize <= 0 || batchSize >= _count;

    public (Tensor Inputs, Tensor Targets) Next()
    {
        if (IsFullBatch) return (inputs, targets);

        if (_order is null || _position + batchSize > _count)
        {
            using var order = randperm(_count, generator: _generator);
            _order = order.data<long>().ToArray();
            _position = 0;
        }
        using var index = tensor(_order.AsSpan((int)_position, batchSize).ToArray(), device: inputs.device);
        _position += batchSize;
        return (inputs.index_select(0, index), targets.index_select(0, index));
    }

    public SamplerState? Save()
    {
        if (IsFullBatch) return null;
        using var state = _generator.get_state();
        return new SamplerState(Convert.ToBase64String(state.bytes), _order, _position);
    }

    public void Restore(SamplerState? state)
    {
        if (state is null) return;
        using var bytes = tensor(Convert.FromBase64String(state.GeneratorState), ScalarType.Byte);
        _generator.set_state(bytes);
        (_order, _position) = (state.Order, state.Position);
    }

    public void Dispose() => _generator.Dispose();
}
