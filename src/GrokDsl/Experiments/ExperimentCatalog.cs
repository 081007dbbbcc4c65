using System.Reflection;

namespace GrokDsl;

/// <summary>Finds the experiments an assembly declares, through the generator's registrations.</summary>
public static class ExperimentCatalog
{
    public static IReadOnlyList<IExperiment> FromAssembly(Assembly assembly) =>
        assembly.GetCustomAttributes<RegisteredExperimentAttribute>()
            .Select(registration => (IExperiment)Activator.CreateInstance(registration.ExperimentType)!)
            .ToList();
}
