using System.CommandLine;
using System.Text.Json;
using GrokDsl.Contracts;
using GrokDsl.Runs;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl plugins list|check</c>.</summary>
static class PluginsCommand
{
    static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = RunJson.ReadableEncoder };

    public static Command Create()
    {
        var plugins = CommonOptions.Plugins();
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var list = new Command("list", """
            List discovered plugins: id, version, kinds, components, status, folder.

            Examples:
              grokdsl plugins list
              grokdsl plugins list --plugins ./my-plugins --json
            """)
        {
            plugins, json,
        };
        list.SetAction(result =>
        {
            using var host = PluginHost.Load(PluginFolders.Default(result.GetValue(plugins) ?? []));
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(Describe(host), Indented));
                return ExitCodes.Ok;
            }
            Console.WriteLine($"searched: {string.Join(", ", host.SearchedFolders)}");
            Console.WriteLine($"contract version: {ContractVersion.Current}");
            foreach (var plugin in host.Plugins) Print(plugin);
            return ExitCodes.Ok;
        });

        var folder = new Argument<string>("folder") { Description = "A plugin folder (holding plugin.json), or a folder of plugin folders." };
        var checkJson = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var check = new Command("check",
            "Validate plugins without running them: manifest, contract version, entry assembly, every type loaded eagerly, " +
            "provider constructors and ids. Creates no dataset or model and trains nothing; exit code 1 unless all are active." +
            "\n\nExample:\n  grokdsl plugins check ./my-plugin/bin/Release/net10.0")
        {
            folder, checkJson,
        };
        check.SetAction(result => Check(result.GetValue(folder)!, result.GetValue(checkJson)));

        return new Command("plugins", "Inspect plugins.\n\nExamples:\n  grokdsl plugins list\n  grokdsl plugins check ./my-plugin") { list, check };
    }

    static int Check(string folder, bool json)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: {folder}: no such folder");
            return ExitCodes.Failed;
        }
        using var host = PluginHost.Load([folder]);
        if (host.Plugins.Count == 0)
        {
            Console.Error.WriteLine($"error: {folder}: no {PluginManifest.FileName} found in it or in its subfolders");
            return ExitCodes.Failed;
        }
        var failed = host.Plugins.Count(p => p.Status != PluginStatus.Active);
        if (json) Console.WriteLine(JsonSerializer.Serialize(Describe(host), Indented));
        else
        {
            foreach (var plugin in host.Plugins) Print(plugin);
            Console.WriteLine(failed == 0 ? $"ok: {host.Plugins.Count} plugin(s) load and validate" : $"{failed} of {host.Plugins.Count} plugin(s) did not load");
        }
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    static object Describe(PluginInfo plugin) => new
    {
        plugin.Id,
        plugin.Manifest?.Version,
        Kinds = plugin.Manifest?.Kinds,
        Status = plugin.Status.ToString().ToLowerInvariant(),
        plugin.Components,
        plugin.Message,
        plugin.Folder,
    };

    static void Print(PluginInfo plugin)
    {
        var version = plugin.Manifest?.Version ?? "?";
        var kinds = plugin.Manifest is null ? "?" : string.Join(",", plugin.Manifest.Kinds);
        Console.WriteLine($"{plugin.Id} {version} [{kinds}] {Status(plugin)}");
        if (plugin.Components.Count > 0) Console.WriteLine($"  provides: {string.Join(", ", plugin.Components)}");
        if (plugin.Message is not null) Console.WriteLine($"  {plugin.Message}");
        Console.WriteLine($"  folder: {plugin.Folder}{(plugin.Build is null ? "" : $" (build {plugin.Build})")}");
    }

    static string Status(PluginInfo plugin) => plugin.Status.ToString().ToLowerInvariant();

    // Field names are a scripting interface: keep them stable.
    static object Describe(PluginHost host) => new
    {
        ContractVersion = ContractVersion.Current,
        Searched = host.SearchedFolders,
        Plugins = host.Plugins.Select(p => new
        {
            p.Id,
            p.Manifest?.Version,
            p.Manifest?.ContractVersion,
            Kinds = p.Manifest?.Kinds ?? [],
            p.Components,
            Status = Status(p),
            p.Message,
            p.Folder,
            p.Build,
        }),
    };
}
