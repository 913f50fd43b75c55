using System.Globalization;
using System.Text;

namespace TextRepair.Cli.Commands;

/// <summary>
/// Encoding names as users write them: every name .NET knows (utf-8, gbk, gb18030, big5, shift_jis, euc-kr, utf-16,
/// utf-16be, windows-1252, ...), code page numbers (936), and the common spellings cp936, windows-936, ibm437, utf8,
/// utf16le.
/// </summary>
internal static class EncodingNames
{
    /// <summary>The value of <c>--output-encoding</c> meaning "the input's encoding, with its byte order mark".</summary>
    public const string Same = "same";

    /// <summary>The value of <c>--encoding</c> meaning "detect each input's encoding".</summary>
    public const string Auto = "auto";

    /// <summary>
    /// The labels the WHATWG Encoding Standard gives a meaning other than .NET's, and the name the detector uses for that
    /// meaning: <c>big5</c> and its aliases are Big5 with HKSCS (.NET: code page 950, which reads the HKSCS characters
    /// as private use, silently: Cantonese 哋咗嘢啲 came out as U+E5A2 U+ECD9..., session 32), and <c>euc-kr</c> and its
    /// aliases are Windows code page 949 (.NET: 51949, strict EUC-KR, which refuses the Unified Hangul Code that the
    /// detector reads as euc-kr: a file <c>encoding</c> called euc-kr was invalid with <c>--encoding euc-kr</c>).
    /// The names of code pages (cp950, windows-950, 950, cp949, 51949) keep their code page.
    /// </summary>
    private static readonly Dictionary<string, string> s_whatwgLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["big5"] = "big5",
        ["big5-hkscs"] = "big5",
        ["cn-big5"] = "big5",
        ["csbig5"] = "big5",
        ["x-x-big5"] = "big5",
        ["euc-kr"] = "euc-kr",
        ["cseuckr"] = "euc-kr",
        ["csksc56011987"] = "euc-kr",
        ["iso-ir-149"] = "euc-kr",
        ["korean"] = "euc-kr",
        ["ks_c_5601-1987"] = "euc-kr",
        ["ks_c_5601-1989"] = "euc-kr",
        ["ksc5601"] = "euc-kr",
        ["ksc_5601"] = "euc-kr",
    };

    /// <summary>
    /// The encoding named <paramref name="name"/>, strict both ways, or a <see cref="CliException"/>. A name the detector
    /// prints (<c>textrepair encoding</c>, <c>--encoding auto</c>) means the decoder it detected with, so that a file
    /// it names reads back identically; a legacy code page is strict (<see cref="StrictCodePages"/>): a byte it leaves
    /// unassigned is invalid, not a private-use character.
    /// </summary>
    public static Encoding Resolve(string name, string option)
    {
        string trimmed = name.Trim();
        string detectorName = s_whatwgLabels.GetValueOrDefault(trimmed, trimmed);
        if (EncodingDetector.GetEncoding(detectorName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback) is { } detected
            && detected.CodePage != 65001)
        {
            return detected;
        }

        int? codePage = CodePage(trimmed);
        if (codePage is { } number)
        {
            try
            {
                return StrictCodePages.GetEncoding(number, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
            {
                // Reported below.
            }
        }

        throw new CliException($"{option}: unknown encoding '{name}' (try utf-8, gbk, gb18030, big5, shift_jis, euc-kr, utf-16, utf-16be, or a code page number such as 936)");
    }

    /// <summary>The code page of a name, or null when no spelling of it is known.</summary>
    private static int? CodePage(string name)
    {
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return number;
        }

        string lower = name.ToLowerInvariant();
        foreach (string prefix in (string[])["cp", "windows-", "ibm", "ms"])
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(lower.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        // "utf8", "utf16le", "utf32": the hyphen .NET wants.
        if (lower.Length > 3 && lower.StartsWith("utf", StringComparison.Ordinal) && char.IsAsciiDigit(lower[3]))
        {
            lower = "utf-" + lower[3..];
        }

        foreach (EncodingInfo info in Encoding.GetEncodings())
        {
            if (string.Equals(info.Name, lower, StringComparison.OrdinalIgnoreCase))
            {
                return info.CodePage;
            }
        }

        try
        {
            return Encoding.GetEncoding(lower).CodePage;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: UTF-7, which .NET disables (session 12: exit 1 with the SYSLIB0001 text).
            return null;
        }
    }

    /// <summary>
    /// The name used in messages: the usual one (gbk rather than .NET's gb2312 for code page 936, euc-kr rather than
    /// ks_c_5601-1987 for 949), and 51949 for strict EUC-KR, which is not what <c>--encoding euc-kr</c> reads.
    /// </summary>
    public static string Display(Encoding encoding) => encoding.CodePage switch
    {
        936 => "gbk",
        949 => "euc-kr",
        51949 => "51949",
        _ => encoding.WebName,
    };

    /// <summary>Whether the code page is UTF-16 or UTF-32, where NUL bytes are normal and a byte order mark tells the byte order.</summary>
    public static bool IsWide(int codePage) => codePage is 1200 or 1201 or 12000 or 12001;
}
