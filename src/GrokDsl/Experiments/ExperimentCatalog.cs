using System.Diagnostics;
using System.Reflection;

namespace GrokDsl;

/// <summary>Finds the experiments an assembly declares, through the generator's registrations.</summary>
public static class ExperimentCatalog
{
    /// <exception cref="ExperimentCreationException">An experiment threw while being created (an initializer or a static constructor).</exception>
    public static IReadOnlyList<IExperiment> FromAssembly(Assembly assembly) =>
        assembly.GetCustomAttributes<RegisteredExperimentAttribute>()
            .Select(registration => Create(registration.ExperimentType))
            .ToList();

    static IExperiment Create(Type type)
    {
        try
        {
            return (IExperiment)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is TargetInvocationException or TypeInitializationException && e.InnerException is not null)
        {
            throw new ExperimentCreationException(type, Innermost(e));
        }
    }

    // A static constructor's exception arrives wrapped twice: TargetInvocationException, then TypeInitializationException.
    static Exception Innermost(Exception e)
    {
        while (e is TargetInvocationException or TypeInitializationException && e.InnerException is not null) e = e.InnerException!;
        return e;
    }
}

/// <summary>
/// An experiment that threw while its record was created: the exception of a property initializer or static
/// constructor, with where in the experiment's source it was thrown when the assembly carries line information.
/// </summary>
public sealed class ExperimentCreationException : Exception
{
    public ExperimentCreationException(Type experimentType, Exception error)
        : base($"experiment {experimentType.FullName} threw while being created: {error.GetType().Name}: {error.Message}", error)
    {
        ExperimentType = experimentType;
        Location = Locate(experimentType, error);
    }

    public Type ExperimentType { get; }

    /// <summary>"path(line,col)" of the throwing member in the experiment's own code, or null where that cannot be found.</summary>
    public string? Location { get; }

    /// <summary>The compiler-style line: "path(line,col): error: message", or "error: message" without a location.</summary>
    public string Describe() => Location is null ? $"error: {Message}" : $"{Location}: error: {Message}";

    // The innermost frame in the experiment's assembly: the initializer or constructor that threw, not the framework code it called.
    static string? Locate(Type experimentType, Exception error)
    {
        foreach (var frame in new StackTrace(error, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.DeclaringType?.Assembly != experimentType.Assembly || frame.GetFileName() is not { Length: > 0 } file) continue;
            return $"{file}({frame.GetFileLineNumber()},{Math.Max(1, frame.GetFileColumnNumber())})";
        }
        return null;
    }
}
