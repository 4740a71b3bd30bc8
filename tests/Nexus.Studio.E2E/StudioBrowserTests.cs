namespace Nexus.Studio.E2E;

/// <summary>Without Chromium the browser tests fail, saying how to install it (they are never skipped).</summary>
public sealed class StudioBrowserTests
{
    [Fact]
    public async Task A_missing_chromium_fails_with_the_install_command()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-chromium-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StudioBrowser.LaunchAsync(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }
}
