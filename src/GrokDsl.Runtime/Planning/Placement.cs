using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Planning;

/// <summary>
/// Where and how runs train: the device, the torch/lib folder of the PyTorch whose CUDA libtorch it needs, whether
/// compatible runs train stacked, and a stack's memory budget. None of it is part of a run's identity (a run made on
/// the GPU has the id it has on the CPU); the device used is recorded in the run's summary and environment.
/// </summary>
/// <param name="Device">cpu, cuda, cuda:N or auto, as <see cref="DeviceRequest.Parse"/> reads it.</param>
/// <param name="StackMemory">A stack's memory budget in bytes; null: measured for the device (<see cref="StackingBudget.For"/>).</param>
public sealed record Placement(string Device = "cpu", string? TorchLib = null, bool Stack = false, long? StackMemory = null)
{
    public const string DeviceOption = "--device";
    public const string TorchLibOption = "--torch-lib";
    public const string StackOption = "--stack";
    public const string StackMemoryOption = "--stack-memory";

    public static Placement Cpu { get; } = new();

    /// <summary>
    /// The device <see cref="Device"/> names, selected now. CUDA loads PyTorch's libtorch, which only works before the
    /// process makes its first tensor, so commands select before anything else.
    /// </summary>
    /// <exception cref="DeviceUnavailableException">CUDA was asked for and cannot be used; the message says what was tried.</exception>
    /// <exception cref="ArgumentException">Not a device name.</exception>
    public SelectedDevice SelectDevice() => DeviceSelection.Select(Device, TorchLib);

    /// <summary>The stack budget on <paramref name="device"/>: the configured one, else measured there now.</summary>
    public StackingBudget BudgetOn(SelectedDevice device) =>
        StackMemory is { } bytes ? StackingBudget.Configured(bytes) : StackingBudget.For(device);

    /// <summary>The options that give another process (a scheduler's task) this placement.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { DeviceOption, Device };
        if (TorchLib is not null) arguments.AddRange([TorchLibOption, TorchLib]);
        if (Stack) arguments.Add(StackOption);
        if (Stack && StackMemory is { } bytes) arguments.AddRange([StackMemoryOption, MemorySize.ToText(bytes)]);
        return arguments;
    }
}
