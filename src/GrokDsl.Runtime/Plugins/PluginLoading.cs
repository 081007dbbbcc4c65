using System.Reflection;
using GrokDsl.Contracts;
using McMaster.NETCore.Plugins;
using TorchSharp;

namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// The load pipeline for one plugin folder, in the order a broken plugin is most likely to fail:
/// manifest, contract version, entry assembly, load, shared-assembly versions, eager type loading,
/// provider constructors. Every failure becomes a status and a message; nothing here throws, and a
/// failed load context is unloaded at once.
/// </summary>
static class PluginLoading
{
    // The only assemblies plugins share with the host: the contracts, and TorchSharp, whose native
    // libtorch loads once per process and must never be unloaded.
    static readonly Type[] SharedTypes = [typeof(IDatasetProvider), typeof(torch)];

    public static LoadedPlugin Load(string folder, PluginFingerprint? fingerprint)
    {
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Read(manifestPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Quarantine(folder, fingerprint, null, PluginStatus.Failed, e.Message);
        }

        if (manifest.Disabled) return Quarantine(folder, fingerprint, manifest, PluginStatus.Disabled, "disabled in its manifest");

        if (!ContractVersion.IsCompatible(Version.Parse(manifest.ContractVersion)))
            return Quarantine(folder, fingerprint, manifest, PluginStatus.Incompatible,
                $"built for contract version {manifest.ContractVersion}; this GrokDsl provides {ContractVersion.Current} " +
                $"(loads {ContractVersion.Major}.0 to {ContractVersion.Current})");

        var entry = Path.Combine(folder, manifest.EntryAssembly);
        if (!File.Exists(entry))
            return Quarantine(folder, fingerprint, manifest, PluginStatus.Failed, $"entry assembly '{manifest.EntryAssembly}' not found in {folder}");

        PluginLoader? loader = null;
        try
        {
            loader = CreateLoader(entry);
            var assembly = loader.LoadDefaultAssembly();
            if (ReferencesNewerContracts(assembly) is { } newer)
                return Quarantine(folder, fingerprint, manifest, PluginStatus.Incompatible,
                    $"references GrokDsl {newer}; this host has {typeof(IDatasetProvider).Assembly.GetName().Version}", loader);

            var components = CreateProviders(assembly, manifest);
            var info = new PluginInfo(folder, manifest, PluginStatus.Active, MissingKinds(manifest, components), [.. components.Select(c => c.Name)])
            {
                Build = fingerprint?.Short,
            };
            return new LoadedPlugin(folder, fingerprint, info, loader, components);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Quarantine(folder, fingerprint, manifest, PluginStatus.Failed, Describe(e), loader);
        }
    }

    // Unloadable so a reload can replace it; in memory so the files stay free to be copied over.
    static PluginLoader CreateLoader(string entryAssembly) =>
        PluginLoader.CreateFromAssemblyFile(entryAssembly, SharedTypes, config =>
        {
            config.IsUnloadable = true;
            config.LoadInMemory = true;
        });

    static LoadedPlugin Quarantine(string folder, PluginFingerprint? fingerprint, PluginManifest? manifest, PluginStatus status, string message, PluginLoader? loader = null)
    {
        loader?.Dispose();
        return LoadedPlugin.Quarantined(folder, fingerprint, new PluginInfo(folder, manifest, status, message, []) { Build = fingerprint?.Short });
    }

    // A plugin compiled against newer contracts would bind to members this host lacks, failing mid-run instead of here.
    static Version? ReferencesNewerContracts(Assembly plugin)
    {
        var contracts = typeof(IDatasetProvider).Assembly.GetName();
        var referenced = plugin.GetReferencedAssemblies().FirstOrDefault(a => a.Name == contracts.Name);
        return referenced?.Version is { } version && version > contracts.Version ? version : null;
    }

    // Eager GetTypes: a plugin built against incompatible shared types, or missing a dependency, fails here, at load, not mid-run.
    static List<ProvidedComponent> CreateProviders(Assembly assembly, PluginManifest manifest)
    {
        var components = new List<ProvidedComponent>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (KindOf(type) is not { } kind) continue;
            if (!manifest.Kinds.Contains(kind.ToString(), StringComparer.OrdinalIgnoreCase))
                throw new InvalidDataException($"{type.FullName} provides a {Name(kind)}, but the manifest's kinds are [{string.Join(", ", manifest.Kinds)}]");
            if (type.GetConstructor(Type.EmptyTypes) is not { IsPublic: true })
                throw new InvalidDataException($"{type.FullName} needs a public parameterless constructor");

            var provider = Construct(type);
            var id = IdOf(provider);
            if (GrokDsl.Validation.IdRules.Problem(id) is { } badId) throw new InvalidDataException($"{type.FullName}.Id '{id}' {badId}");
            if (components.Any(c => c.Kind == kind && c.Id == id))
                throw new InvalidDataException($"{Name(kind)} '{id}' is provided twice, the second time by {type.FullName}");
            components.Add(new ProvidedComponent(kind, id, provider));
        }
        return components;
    }

    static object Construct(Type type)
    {
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new InvalidOperationException($"constructor of {type.FullName} threw {inner.GetType().Name}: {inner.Message}");
        }
    }

    static string IdOf(object provider) => provider switch
    {
        IDatasetProvider d => d.Id,
        IModelProvider m => m.Id,
        IMeasureProvider m => m.Id,
        _ => throw new InvalidOperationException($"{provider.GetType().FullName} is no provider"),
    };

    static ComponentKind? KindOf(Type type) =>
        typeof(IDatasetProvider).IsAssignableFrom(type) ? ComponentKind.Dataset
        : typeof(IModelProvider).IsAssignableFrom(type) ? ComponentKind.Model
        : typeof(IMeasureProvider).IsAssignableFrom(type) ? ComponentKind.Measure
        : null;

    static string? MissingKinds(PluginManifest manifest, IReadOnlyList<ProvidedComponent> components)
    {
        var missing = manifest.Kinds.Where(k => !components.Any(c => c.Kind.ToString().Equals(k, StringComparison.OrdinalIgnoreCase))).ToList();
        return missing.Count == 0 ? null : $"the manifest lists [{string.Join(", ", missing)}] but the assembly provides none";
    }

    static string Name(ComponentKind kind) => kind.ToString().ToLowerInvariant();

    static string Describe(Exception e) => e switch
    {
        ReflectionTypeLoadException load => "type load failed: " + string.Join("; ",
            load.LoaderExceptions.Select(x => x?.Message).Where(m => m is not null).Distinct().Take(3).DefaultIfEmpty(load.Message)),
        BadImageFormatException => $"not a loadable .NET assembly: {e.Message}",
        _ => e.Message,
    };
}
