using System.Reflection;

namespace TextRepair.Playground;

/// <summary>A sample for the Repair view.</summary>
/// <param name="Id">Stable id (used in element ids and by the browser tests).</param>
/// <param name="Label">Button label.</param>
/// <param name="Make">Makes the damaged text (needs the lazily loaded code pages).</param>
internal sealed record Sample(string Id, string Label, Func<string> Make);

/// <summary>
/// The Repair view's samples: the founding seed (embedded at build time from seeds/) and mojibake made on the spot
/// by encoding clean sentences with one code page and decoding them with another, so each sample names its own chain.
/// </summary>
internal static class Samples
{
    private const string Simplified = "这段文字在网页上被错误地解码了，看起来像乱码。";
    private const string Traditional = "這段文字在網頁上被錯誤地解碼了，看起來像亂碼。";

    /// <summary>All samples; their texts are made when picked.</summary>
    public static IReadOnlyList<Sample> All { get; } =
    [
        new("seed", "Seed: annotated page, machine-converted", ReadSeed),
        new("utf8-gbk", "UTF-8 read as GBK", () => Decoding.Garble(Simplified, "utf-8", "gbk")),
        new("utf8-1252", "UTF-8 read as Windows-1252", () => Decoding.Garble(Simplified, "utf-8", "windows-1252")),
        new("gbk-latin1", "GBK read as Latin-1", () => Decoding.Garble(Simplified, "gbk", "iso-8859-1")),
        new("big5-gbk", "Big5 read as GBK", () => Decoding.Garble(Traditional, "big5", "gbk")),
        // A UTF-8 sentence that had already lost a character (U+FFFD), then read as GBK: the lost character becomes the
        // classic 锟斤拷, and the last byte of the final character has no GBK partner, so that character is lost too.
        // (Markers written into fluent prose, such as "文件名锟斤拷已损坏", are words to the encoding step: left alone.)
        new("loss", "Lost bytes (锟斤拷)", () => Decoding.Garble("选择菜单中的命令\uFFFD然后点击确定按钮", "utf-8", "gbk")),
    ];

    private static string ReadSeed()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TextRepair.Playground.Samples.seed.txt")
            ?? throw new InvalidOperationException("The seed sample is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
