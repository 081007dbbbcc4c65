using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// <c>plugin.json</c>, beside a plugin's assemblies: who the plugin is, which contract version it
/// was built against, what it provides and which assembly to load. Documented for plugin authors in
/// docs/writing-a-plugin.md.
/// </summary>
public sealed record PluginManifest
{
    public const string FileName = "plugin.json";

    /// <summary>Unique across plugins, e.g. "acme.sparse-parity"; run summaries record it with <see cref="Version"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin's own version; bump it with every build a run could use, so summaries tell builds apart.</summary>
    public required string Version { get; init; }

    /// <summary>The <see cref="GrokDsl.Contracts.ContractVersion"/> the plugin was built against, "major.minor".</summary>
    public required string ContractVersion { get; init; }

    /// <summary>What the plugin provides: any of "dataset", "model", "measure".</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The assembly to load, a file name inside the plugin folder.</summary>
    public required string EntryAssembly { get; init; }

    /// <summary>A disabled plugin is listed but not loaded.</summary>
    public bool Disabled { get; init; }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks a manifest; the exception message names the file and the problem.</summary>
    /// <exception cref="InvalidDataException">The manifest is not valid JSON or breaks a rule above.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PluginManifest Read(string path)
    {
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid plugin manifest: {e.Message}", e);
        }
        if (manifest is null) throw new InvalidDataException($"{path}: empty plugin manifest");
        foreach (var (name, value) in new[] { ("id", manifest.Id), ("version", manifest.Version), ("entryAssembly", manifest.EntryAssembly) })
            if (string.IsNullOrWhiteSpace(value)) throw new InvalidDataException($"{path}: '{name}' must not be empty");
        if (GrokDsl.Validation.IdRules.Problem(manifest.Id) is { } badId)
            throw new InvalidDataException($"{path}: id '{manifest.Id}' {badId}; plugin ids use only {GrokDsl.Validation.IdRules.Allowed}, without '..', at most {GrokDsl.Validation.IdRules.MaxLength} characters");
        if (!System.Version.TryParse(manifest.ContractVersion, out _))
            throw new InvalidDataException($"{path}: contractVersion '{manifest.ContractVersion}' is not a version like \"1.0\"");
        if (Path.IsPathRooted(manifest.EntryAssembly) || manifest.EntryAssembly.Contains(".."))
            throw new InvalidDataException($"{path}: entryAssembly must be a file inside the plugin folder");
        if (manifest.Kinds is null or { Count: 0 } || manifest.Kinds.Any(k => !Enum.GetNames<ComponentKind>().Contains(k, StringComparer.OrdinalIgnoreCase)))
            throw new InvalidDataException($"{path}: kinds must list one or more of \"dataset\", \"model\", \"measure\"");
        return manifest;
    }
}
