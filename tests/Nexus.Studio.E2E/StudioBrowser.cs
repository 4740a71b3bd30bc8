using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright, headless. Playwright's own browser download is never used: without
/// <c>/usr/bin/chromium</c> the tests fail and say how to install it.
/// </summary>
internal sealed class StudioBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private StudioBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<StudioBrowser> LaunchAsync(string chromiumPath = ChromiumPath)
    {
        if (!File.Exists(chromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromiumPath}: install it with `apt-get install -y chromium` (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromiumPath,
                Headless = true,
                Args = Arguments,
            });
            return new StudioBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
