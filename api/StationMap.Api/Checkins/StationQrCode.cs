using QRCoder;

namespace StationMap.Api.Checkins;

/// <summary>A QR code as SVG, made by QRCoder.</summary>
public static class StationQrCode
{
    /// <summary>
    /// The code of <paramref name="text"/>: error correction Q (a quarter of the code may be dirty or torn, as a poster
    /// on an outdoor door gets), the quiet zone drawn, sized by its viewBox only so that it scales to any print size.
    /// </summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
