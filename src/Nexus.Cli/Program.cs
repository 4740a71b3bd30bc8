using Nexus.Cli;

return NexusCommandLine.Run(args, Console.Out, Console.Error);
