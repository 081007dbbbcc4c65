// Native settings (glibc malloc, OpenMP spinning) before libtorch loads, allocates or starts its threads; the runtime's
// module initializer would apply them at its first use too, this makes "first" explicit for the CLI.
GrokDsl.Runtime.Devices.NativeStartup.Apply();
return GrokDsl.Cli.GrokDslCommand.Invoke(args);
