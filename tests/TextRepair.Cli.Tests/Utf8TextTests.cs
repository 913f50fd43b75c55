using System.Text;
using TextRepair.Cli.Check;

namespace TextRepair.Cli.Tests;

/// <summary>
/// check's one-pass UTF-8 decoder against .NET's throwing decoder: the same text for valid input, null for every
/// input that decoder rejects.
/// </summary>
public sealed class Utf8TextTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TheoryData<string> Texts => new()
    {
        string.Empty,
        "a",
        "軟體與資訊",
        "ASCII only, longer than one vector of thirty-two bytes.",
        "𠮷野家 and 𩸽, 😀: four-byte sequences 𠀀𪜀 between 繁體 and ASCII, long enough for several vectors 0123456789",
        "\u0080\u07FF\u0800\uFFFF\U00010000\U0010FFFF",
        "line\r\nline\n\u00E9\u4E2D\u6587",
    };

    public static TheoryData<byte[]> Invalid => new()
    {
        new byte[] { 0x80 },
        new byte[] { 0xE4, 0xB8 },
        new byte[] { 0x41, 0xC0, 0xAF },
        new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0xF5, 0x80, 0x80, 0x80 },
        new byte[] { 0xFF },
        new byte[] { 0xE4, 0xB8, 0xAD, 0xE6, 0x96 },
        new byte[] { 0xF0, 0x9F, 0x98 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ValidTextDecodesToItself(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text.Length, Utf8Text.Utf16Length(bytes));
        Assert.Equal(text, Utf8Text.TryDecode(bytes, 0));

        byte[] withBom = [0xEF, 0xBB, 0xBF, .. bytes];
        Assert.Equal(text, Utf8Text.TryDecode(withBom, 3));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidBytesGiveNull(byte[] bytes)
    {
        Assert.Throws<DecoderFallbackException>(() => s_strict.GetString(bytes));
        Assert.Null(Utf8Text.TryDecode(bytes, 0));
        byte[] longer = [.. Encoding.UTF8.GetBytes(new string('\u4E2D', 40)), .. bytes, .. Encoding.UTF8.GetBytes("ok")];
        Assert.Null(Utf8Text.TryDecode(longer, 0));
    }

    // Real text with bytes changed, dropped and inserted at random: each result agrees with the throwing decoder.
    [Fact]
    public void AgreesWithTheThrowingDecoderOnDamagedText()
    {
        byte[] clean = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("繁體中文 text 𠮷 12,軟體。\n", 8)));
        var random = new Random(20261130);
        int valid = 0;
        for (int round = 0; round < 4000; round++)
        {
            var bytes = new List<byte>(clean.Take(random.Next(1, clean.Length + 1)));
            int edits = random.Next(0, 3);
            for (int e = 0; e < edits && bytes.Count > 0; e++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes.Insert(at, (byte)random.Next(0x80, 0x100));
                        break;
                }
            }

            byte[] input = [.. bytes];
            string? expected;
            try
            {
                expected = s_strict.GetString(input);
                valid++;
            }
            catch (DecoderFallbackException)
            {
                expected = null;
            }

            Assert.Equal(expected, Utf8Text.TryDecode(input, 0));
        }

        // Both kinds occur often enough for the comparison to mean something.
        Assert.InRange(valid, 400, 3600);
    }
}
