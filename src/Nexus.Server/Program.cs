var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>The server's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
