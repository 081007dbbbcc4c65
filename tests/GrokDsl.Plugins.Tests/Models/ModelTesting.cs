using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.PluginTests.Models;

/// <summary>
/// Model tests seed torch's global generator before building, so they must not build models concurrently:
/// xUnit runs the classes of one collection one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GlobalTorchSeed
{
    public const string Name = "global torch seed";
}

/// <summary>Building models from options with a fixed torch seed, and counting and comparing their parameters.</summary>
static class ModelTesting
{
    public static nn.Module<Tensor, Tensor> Build<T>(IModelProvider provider, T options, DatasetShape shape, int seed = 0)
    {
        manual_seed(seed);
        return provider.Create(ComponentOptions.From(options), new ModelContext(shape, ScalarType.Float32));
    }

    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    public static Dictionary<string, long[]> Shapes(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

    public static double Norm(nn.Module module) =>
        Math.Sqrt(module.parameters().Sum(p => p.square().sum().to_type(ScalarType.Float64).item<double>()));

    /// <summary>Sets a named parameter to the given values (row-major).</summary>
    public static void Set(nn.Module module, string name, float[] values)
    {
        using var noGrad = no_grad();
        var parameter = module.named_parameters().Single(p => p.name == name).parameter;
        using var source = tensor(values, parameter.shape);
        parameter.copy_(source);
    }

    /// <summary>Copies a lone model's parameters into slice <paramref name="run"/> of a stacked model's, by name.</summary>
    public static void CopyIntoSlice(nn.Module stacked, nn.Module lone, int run)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in lone.named_parameters())
        {
            using var slice = Parameter(stacked, name)[run];
            slice.copy_(parameter);
        }
    }

    public static Tensor Parameter(nn.Module module, string name) =>
        module.named_parameters().Single(p => p.name == name).parameter;

    /// <summary>What the named submodule returns during one forward pass, captured by a forward hook.</summary>
    public static Tensor Hooked(nn.Module<Tensor, Tensor> model, string moduleName, Tensor input)
    {
        var module = (nn.Module<Tensor, Tensor>)model.named_modules().Single(m => m.name == moduleName).module;
        Tensor? captured = null;
        var handle = module.register_forward_hook((_, _, output) =>
        {
            captured = output.detach().clone();
            return output;
        });
        using (model.forward(input)) handle.remove();
        return captured ?? throw new InvalidOperationException($"'{moduleName}' was not invoked through call().");
    }
}
