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

    /// <summary>The encoding named <paramref name="name"/>, strict both ways, or a <see cref="CliException"/>.</summary>
    public static Encoding Resolve(string name, string option)
    {
        int? codePage = CodePage(name.Trim());
        if (codePage is { } number)
        {
            try
            {
                return Encoding.GetEncoding(number, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
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

    /// <summary>The name used in messages: the usual one (gbk rather than .NET's gb2312 for code page 936).</summary>
    public static string Display(Encoding encoding) => encoding.CodePage == 936 ? "gbk" : encoding.WebName;

    /// <summary>Whether the code page is UTF-16 or UTF-32, where NUL bytes are normal and a byte order mark tells the byte order.</summary>
    public static bool IsWide(int codePage) => codePage is 1200 or 1201 or 12000 or 12001;
}
