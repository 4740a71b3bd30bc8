using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>One server and one browser for a test class; each test gets its own browser context (its own cookies).</summary>
public sealed class StudioFixture : IAsyncLifetime
{
    private StudioServer? _server;
    private StudioBrowser? _browser;

    internal StudioServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        // Expectations wait as long as actions: on a loaded machine a UI change can take longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        _server = await StudioServer.StartAsync(TestContext.Current.CancellationToken);
        _browser = await StudioBrowser.LaunchAsync();
    }

    /// <summary>A fresh browser context on the server (no cookies), with generous timeouts.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("The fixture has not started.");
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
        }
        finally
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
