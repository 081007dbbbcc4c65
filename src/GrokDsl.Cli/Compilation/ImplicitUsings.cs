namespace GrokDsl.Cli.Compilation;

/// <summary>
/// The global usings a loose experiment file compiles with: the SDK's implicit usings plus GrokDsl,
/// the same set the experiments project declares, so a file compiles the same in both places.
/// </summary>
static class ImplicitUsings
{
    public const string Source = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::GrokDsl;
        """;
}
