namespace GrokDsl.Runtime.Devices;

/// <summary>
/// Finds the <c>torch/lib</c> folder of an existing PyTorch install, whose CUDA libtorch TorchSharp can use:
/// researchers almost always have one, and it spares a multi-gigabyte CUDA package. Looked for, in order,
/// in the folder given on the command line, in <c>$GROKDSL_TORCH_LIB</c>, and in what
/// <c>python3 -c "import torch"</c> reports. Every place looked at is noted, for the error message.
/// </summary>
public static class PyTorchLibrary
{
    public const string EnvironmentVariable = "GROKDSL_TORCH_LIB";

    /// <summary>The library that marks a CUDA build of libtorch.</summary>
    public const string CudaMarker = "libtorch_cuda.so";

    const string PythonProbe = "import torch, os; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))";

    /// <summary>The first folder holding a CUDA libtorch, or null; <paramref name="tried"/> receives one line per place looked at.</summary>
    public static string? Find(string? explicitFolder, List<string> tried, Func<string?>? python = null)
    {
        if (explicitFolder is not null) return Check(explicitFolder, "--torch-lib", tried);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return Check(fromEnvironment, $"${EnvironmentVariable}", tried);
        tried.Add($"${EnvironmentVariable}: not set");

        var fromPython = (python ?? AskPython)();
        if (fromPython is null)
        {
            tried.Add("python3 -c \"import torch\": no python3, or it has no torch module");
            return null;
        }
        return Check(fromPython, "python3 -c \"import torch\"", tried);
    }

    static string? Check(string folder, string source, List<string> tried)
    {
        if (!Directory.Exists(folder))
        {
            tried.Add($"{source}: {folder} does not exist");
            return null;
        }
        if (!File.Exists(Path.Combine(folder, CudaMarker)))
        {
            tried.Add($"{source}: {folder} has no {CudaMarker} (a CPU-only PyTorch?)");
            return null;
        }
        tried.Add($"{source}: {folder}");
        return folder;
    }

    // No python3 or no torch module finds nothing rather than failing.
    static string? AskPython() =>
        ToolOutput.Read("python3", ["-c", PythonProbe], TimeSpan.FromSeconds(30)) is { Length: > 0 } folder ? folder : null;
}
