using System.Reflection;
using System.Reflection.Metadata;

namespace GrokDsl.Runtime.Plugins;

/// <summary>
/// Empties framework caches that hold on to types from unloaded plugins. System.Text.Json keeps the
/// accessors it emitted for a plugin's options type in a static cache (entries expire only when the
/// serializer is next used, a second later), which keeps the plugin's load context alive. The framework
/// exposes the way to clear it: its <see cref="MetadataUpdateHandlerAttribute">metadata update handler</see>,
/// the same <c>ClearCache</c> hook that hot reload tooling calls.
/// </summary>
static class FrameworkCaches
{
    static readonly Lazy<MethodInfo?> ClearJsonCaches = new(() =>
        typeof(System.Text.Json.JsonSerializer).Assembly.GetCustomAttributes<MetadataUpdateHandlerAttribute>()
            .Select(handler => handler.HandlerType.GetMethod("ClearCache", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Type[])]))
            .FirstOrDefault(method => method is not null));

    /// <summary>Call after unloading plugins. Does nothing where the framework offers no such hook.</summary>
    public static void ForgetUnloadedTypes()
    {
        try
        {
            ClearJsonCaches.Value?.Invoke(null, [null]);
        }
        catch (TargetInvocationException)
        {
            // A cache that cannot be cleared only delays the unload until its entries expire.
        }
    }
}
