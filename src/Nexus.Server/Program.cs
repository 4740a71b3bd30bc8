using Nexus.Server.Hosting;

// Everything the server is lives in NexusServerApp, which `nexus serve` runs too.
NexusServerApp.Build(args).Run();

/// <summary>The server's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
