using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Checkins;

/// <summary>
/// Reads QR codes as a phone would have to: the image is decoded by ZBar (<c>zbarimg</c>, Debian <c>zbar-tools</c>),
/// an SVG first drawn to PNG by librsvg (<c>rsvg-convert</c>, Debian <c>librsvg2-bin</c>); scripts/test.sh installs both.
/// </summary>
public static class QrCodes
{
    /// <summary>What the code in <paramref name="png"/> holds; fails when there is no code or more than one.</summary>
    public static async Task<string> DecodePngAsync(byte[] png)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png);
        try
        {
            var text = await ExternalTool.RunAsync("zbarimg", "zbar-tools", "--raw", "-q", path);
            var codes = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(codes.Length == 1, $"zbarimg found {codes.Length} codes: {text}");
            return codes[0];
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What the code in <paramref name="svg"/> holds, drawn 600 pixels wide on white.</summary>
    public static async Task<string> DecodeSvgAsync(string svg)
    {
        var input = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.svg");
        var output = Path.ChangeExtension(input, ".png");
        await File.WriteAllTextAsync(input, svg);
        try
        {
            await ExternalTool.RunAsync("rsvg-convert", "librsvg2-bin", "--width", "600", "--keep-aspect-ratio", "--background-color", "white", "--output", output, input);
            return await DecodePngAsync(await File.ReadAllBytesAsync(output));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
