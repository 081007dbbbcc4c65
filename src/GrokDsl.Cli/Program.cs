// glibc's malloc settings before libtorch allocates or starts its threads (the runtime's module initializer would
// apply them too, at first use of the runtime; this makes "first" explicit for the CLI).
GrokDsl.Runtime.Devices.GlibcMalloc.Apply();
return GrokDsl.Cli.GrokDslCommand.Create().Parse(args).Invoke();
