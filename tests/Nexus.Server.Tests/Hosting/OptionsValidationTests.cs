using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nexus.Server.Hosting;

namespace Nexus.Server.Tests.Hosting;

/// <summary>Bad settings stop the server at start-up with a message naming the setting.</summary>
public sealed class OptionsValidationTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_data_directory_that_is_a_file_fails_start_up_naming_the_setting()
    {
        var file = Path.Combine(_data.Path, "not-a-folder");
        File.WriteAllText(file, "x");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServerHost.StartAsync(new Dictionary<string, string?> { ["Nexus:DataDirectory"] = file }));

        Assert.Contains("Nexus:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nexus:MaxRequestBodyBytes", "0", "Nexus:MaxRequestBodyBytes")]
    [InlineData("Nexus:ReadinessProbeTimeout", "00:00:00", "Nexus:ReadinessProbeTimeout")]
    public async Task An_out_of_range_limit_fails_start_up_naming_the_setting(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Nexus:DataDirectory"] = _data.Path, [key] = value };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServerHost.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_directory_is_made_absolute_and_created_with_its_workspaces_folder()
    {
        var nested = Path.Combine(_data.Path, "nested", "data");
        using var server = new TestServerFactory(nested);

        var options = server.Services.GetRequiredService<IOptions<NexusServerOptions>>().Value;

        Assert.True(Path.IsPathFullyQualified(options.DataDirectory));
        Assert.True(Directory.Exists(Path.Combine(nested, "workspaces")));
        Assert.Equal(1024 * 1024, options.MaxRequestBodyBytes);
        Assert.Equal(Path.GetFullPath("./data"), NexusServerOptions.ResolveDataDirectory("./data"));
        Assert.Equal(Path.GetFullPath("./data"), NexusServerOptions.ResolveDataDirectory(null));
    }
}
