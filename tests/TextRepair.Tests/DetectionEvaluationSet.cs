using System.Security.Cryptography;
using System.Text;

namespace TextRepair.Tests;

/// <summary>One sample of the detection evaluation: real text, its encoding, and the bytes.</summary>
public sealed record DetectionSample(string Id, string Locale, string Encoding, string Length, bool Dev, string Text, byte[] Bytes);

/// <summary>
/// Builds the encoding-detection evaluation set from real text that did not train the language model: LibreOffice
/// help paragraphs (Data/Mojibake: zh-cn, zh-tw, ja, ko, de; Data/Detection: ru, pl, fr; see their PROVENANCE.md),
/// each encoded in every candidate encoding that fits its language, at four lengths: tiny (2-6 characters, at least
/// one of them non-ASCII), short (7-30), medium (30-300) and long (1-20 KB, whole paragraphs joined by line feeds).
/// UTF-16 has no byte order mark (LE for some languages, BE for the others). A paragraph belongs to the development
/// half or the held-out half by the first byte of its SHA-256; a sample is built from one half only. Deterministic.
/// Used by DetectionEvaluationTests and by tools/EncodingEval (the comparison with other detectors).
/// </summary>
public static class DetectionEvaluationSet
{
    /// <summary>Samples per (language, encoding, length) in each half.</summary>
    public const int PerCell = 12;

    public static readonly string[] Lengths = ["tiny", "short", "medium", "long"];

    /// <summary>The languages (data file, folder) and the encodings each is evaluated in.</summary>
    public static readonly (string Locale, string Folder, string[] Encodings)[] Languages =
    [
        ("zh-cn", "Mojibake", ["utf-8", "gb18030", "utf-16le"]),
        ("zh-tw", "Mojibake", ["utf-8", "big5", "gb18030", "utf-16be"]),
        ("ja", "Mojibake", ["utf-8", "shift_jis", "euc-jp", "utf-16le"]),
        ("ko", "Mojibake", ["utf-8", "euc-kr", "utf-16be"]),
        ("de", "Mojibake", ["utf-8", "windows-1252", "iso-8859-1", "utf-16le"]),
        ("fr", "Detection", ["utf-8", "windows-1252", "iso-8859-1", "utf-16be"]),
        ("ru", "Detection", ["utf-8", "windows-1251", "utf-16le"]),
        ("pl", "Detection", ["utf-8", "windows-1250", "utf-16be"]),
    ];

    public static List<DetectionSample> Build(string dataDirectory)
    {
        var samples = new List<DetectionSample>();
        foreach ((string locale, string folder, string[] encodings) in Languages)
        {
            string[] lines = File.ReadAllLines(Path.Combine(dataDirectory, folder, locale + ".txt"), System.Text.Encoding.UTF8);
            foreach (bool dev in new[] { true, false })
            {
                string[] half = [.. lines.Where(line => line.Length > 0 && (SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line))[0] & 1) == (dev ? 0 : 1))];
                foreach (string encodingName in encodings)
                {
                    Encoding encoding = Strict(encodingName);
                    foreach (string length in Lengths)
                    {
                        var random = new Random(HashCode(locale, encodingName, length, dev));
                        int made = 0;
                        for (int attempt = 0; made < PerCell && attempt < PerCell * 50; attempt++)
                        {
                            string text = Cut(half, length, random);
                            if (text.Length == 0 || !TryEncode(encoding, text, out byte[] bytes))
                            {
                                continue;
                            }

                            string id = $"{locale}-{encodingName}-{length}-{(dev ? "dev" : "test")}-{made:D2}";
                            samples.Add(new DetectionSample(id, locale, encodingName, length, dev, text, bytes));
                            made++;
                        }
                    }
                }
            }
        }

        return samples;
    }

    /// <summary>A strict encoder/decoder for a candidate name (the library's own for big5: WHATWG, with HKSCS).</summary>
    public static Encoding Strict(string name) =>
        EncodingDetector.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new ArgumentException($"not a candidate: {name}");

    /// <summary>
    /// Whether decoding the sample with the answered encoding gives its text exactly. Names the library does not
    /// answer with (other detectors') are looked up in .NET (code pages registered), Python codec names spelt the
    /// .NET way ("utf_8" as "utf-8", "cp949" as code page 949); a name .NET does not know is wrong.
    /// </summary>
    public static bool IsRight(DetectionSample sample, string? answer)
    {
        if (string.IsNullOrEmpty(answer))
        {
            return false;
        }

        // Python's codec names (charset-normalizer: "utf_8", "latin_1", "cp1252", "utf_16_le") spelt the .NET way.
        string name = answer.ToLowerInvariant().Replace('_', '-') switch
        {
            "latin-1" => "iso-8859-1",
            "utf-16-le" => "utf-16le",
            "utf-16-be" => "utf-16be",
            var other => other,
        };
        Encoding? encoding = EncodingDetector.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (encoding is null)
        {
            try
            {
                System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                encoding = name.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(name.AsSpan(2), out int codePage)
                    ? System.Text.Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                    : System.Text.Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
            {
                return false;
            }
        }

        try
        {
            return encoding.GetString(sample.Bytes) == sample.Text;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Cut(string[] lines, string length, Random random)
    {
        string line = lines[random.Next(lines.Length)];
        switch (length)
        {
            case "tiny":
            case "short":
                {
                    int size = length == "tiny" ? random.Next(2, 7) : random.Next(7, 31);
                    int[] nonAscii = [.. Enumerable.Range(0, line.Length).Where(i => line[i] > 0x7F && !char.IsLowSurrogate(line[i]))];
                    if (nonAscii.Length == 0 || line.Length < size)
                    {
                        return "";
                    }

                    int at = nonAscii[random.Next(nonAscii.Length)];
                    int start = Math.Clamp(at - random.Next(size), 0, line.Length - size);
                    if (char.IsLowSurrogate(line[start]) || char.IsHighSurrogate(line[start + size - 1]))
                    {
                        return "";
                    }

                    return line.Substring(start, size);
                }

            case "medium":
                {
                    int size = random.Next(30, 301);
                    var text = new StringBuilder(line);
                    while (text.Length < size)
                    {
                        text.Append('\n').Append(lines[random.Next(lines.Length)]);
                    }

                    int cut = char.IsHighSurrogate(text[size - 1]) ? size + 1 : size;
                    return text.ToString(0, cut);
                }

            default:
                {
                    int bytes = random.Next(1024, 20 * 1024 + 1);
                    var text = new StringBuilder(line);
                    while (System.Text.Encoding.UTF8.GetByteCount(text.ToString()) < bytes)
                    {
                        text.Append('\n').Append(lines[random.Next(lines.Length)]);
                    }

                    return text.ToString();
                }
        }
    }

    private static bool TryEncode(Encoding encoding, string text, out byte[] bytes)
    {
        try
        {
            bytes = encoding.GetBytes(text);
            return encoding.GetString(bytes) == text;
        }
        catch (Exception exception) when (exception is EncoderFallbackException or DecoderFallbackException)
        {
            bytes = [];
            return false;
        }
    }

    private static int HashCode(string locale, string encoding, string length, bool dev)
    {
        byte[] hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{locale}/{encoding}/{length}/{dev}"));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }
}
