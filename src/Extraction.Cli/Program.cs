using Extraction.Cli;

return await Cli.MainAsync(args, Console.Out, Console.Error);
