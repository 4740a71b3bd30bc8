using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// Pictures of screens for people to look at after a run: PNGs under the test output's <c>screenshots/</c>, each
/// checked to be a real picture.
/// </summary>
internal static class Screenshots
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The folder the pictures go to.</summary>
    public static string Folder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Saves the whole page as <c>&lt;name&gt;.png</c> (replacing an older picture) and checks it is a PNG of some size.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name + ".png");
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 1000, $"{path} is a real picture");
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
        return path;
    }
}
