using System.Reflection;
using GrokDsl.Contracts;

namespace GrokDsl.PluginTests;

/// <summary>Each option record's [Component] id is the id its provider answers to.</summary>
public sealed class ComponentIdTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(ModularArithmetic), typeof(GrokDsl.Plugins.ModularArithmetic.ModularArithmeticProvider) },
        { typeof(PermutationGroup), typeof(GrokDsl.Plugins.Datasets.PermutationGroupProvider) },
        { typeof(SparseParity), typeof(GrokDsl.Plugins.Datasets.SparseParityProvider) },
        { typeof(SubclassShift), typeof(GrokDsl.Plugins.Datasets.SubclassShiftProvider) },
        { typeof(IdxImages), typeof(GrokDsl.Plugins.Datasets.IdxImagesProvider) },
        { typeof(Mlp), typeof(GrokDsl.Plugins.Mlp.MlpProvider) },
        { typeof(Transformer), typeof(GrokDsl.Plugins.Transformer.TransformerProvider) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void ProviderIdMatchesTheOptionRecordsComponentAttribute(Type options, Type providerType)
    {
        var provider = Activator.CreateInstance(providerType); // the host needs a public parameterless constructor
        var component = options.GetCustomAttribute<ComponentAttribute>()!;
        var (kind, id) = provider switch
        {
            IDatasetProvider d => (ComponentKind.Dataset, d.Id),
            IModelProvider m => (ComponentKind.Model, m.Id),
            _ => throw new InvalidOperationException(),
        };
        Assert.Equal(component.Kind, kind);
        Assert.Equal(component.Id, id);
    }
}
