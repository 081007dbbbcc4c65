return GrokDsl.Cli.GrokDslCommand.Create().Parse(args).Invoke();
