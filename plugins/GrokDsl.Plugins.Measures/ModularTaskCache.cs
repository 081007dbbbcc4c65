using GrokDsl.Contracts;

namespace GrokDsl.Plugins.Measures;

/// <summary>Reads a run's <see cref="ModularTask"/> once: the data of a run do not change between measurements.</summary>
sealed class ModularTaskCache
{
    DatasetTensors? _data;
    ModularTask? _task;

    public ModularTask Get(DatasetTensors data)
    {
        if (!ReferenceEquals(data, _data) || _task is null)
        {
            _task = ModularTask.From(data);
            _data = data;
        }
        return _task;
    }
}
