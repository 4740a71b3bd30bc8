using System.CommandLine;
using Nexus.Cli.Commands;

namespace Nexus.Cli;

/// <summary>The <c>nexus</c> command line: its commands and the exit-code contract (0 ok, 1 findings, 2 usage or I/O).</summary>
public static class NexusCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("nexus: check, format, inspect and run NXML panels, and serve Nexus")
        {
            CheckCommand.Create(console),
            FmtCommand.Create(console),
            AstCommand.Create(console),
            LayoutCommand.Create(console),
            RunCommand.Create(console),
            ServeCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"nexus: {problem.Message}");
            }

            error.WriteLine("Run 'nexus --help' for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

/// <summary>Exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}

/// <summary>Where commands write: standard output for results, standard error for problems.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
