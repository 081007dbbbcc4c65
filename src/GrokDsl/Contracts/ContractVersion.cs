namespace GrokDsl.Contracts;

/// <summary>
/// Version of the plugin contracts. A plugin built against major.minor loads in a host with the
/// same major version and an equal or newer minor version.
/// </summary>
public static class ContractVersion
{
    public const int Major = 1;
    public const int Minor = 5;
    public static string Current => $"{Major}.{Minor}";

    public static bool IsCompatible(Version pluginTarget) =>
        pluginTarget.Major == Major && pluginTarget.Minor <= Minor;
}
