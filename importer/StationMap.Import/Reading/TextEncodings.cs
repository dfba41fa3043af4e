using System.Text;

namespace StationMap.Import.Reading;

/// <summary>The text encodings input files come in: UTF-8 (with or without BOM) and GB18030, the superset of GBK.</summary>
public static class TextEncodings
{
    public static IReadOnlyList<string> Names { get; } = ["utf-8", "gbk", "gb18030"];

    public static Encoding Get(string name)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "utf-8" or "utf8":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            case "gbk" or "gb2312" or "gb18030" or "cp936":
                // GB18030 decodes every GBK and GB2312 byte sequence the same way; the code page provider adds it.
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding("GB18030");
            default:
                throw new ImportInputException($"--encoding: unknown encoding '{name}'; expected one of {string.Join(", ", Names)}");
        }
    }
}
