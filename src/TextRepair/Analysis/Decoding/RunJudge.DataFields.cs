namespace TextRepair.Analysis.Decoding;

/// <summary>Cells of data rows read as whole fields (see <see cref="IsDataField"/>).</summary>
internal static partial class RunJudge
{
    // A field between the separators of data (CSV, JSON, key=value, logs: , ; : | " ' ( ) [ ] =), or a file name's: a
    // CSV cell of a GBK name read by windows-1252 ("1034,ÖÜÓîÃô,42") is read as a whole field, as the name alone is.
    // Not a field in quotation marks of its own ("«ÀÉ»,«ÂÃ»": quoted, it is text someone wrote as such) nor one with
    // half-width katakana (a Japanese CSV's names, "1,ﾓﾃﾊﾜ"), which read as Han or Hangul under the whole-field floor.
    // GBK names (2-3 characters) read by single-byte pages in CSV rows, session 43's dev half: 26 -> 85 of 255.
    private static bool IsDataField(string token, int a, int b)
    {
        if ((a > 0 && !IsDataDelimiter(token[a - 1])) || (b < token.Length && !IsDataDelimiter(token[b])))
        {
            return false;
        }

        ReadOnlySpan<char> source = token.AsSpan(a, b - a);
        return source.Length > 1 && !(IsOpening(source[0]) && IsClosing(source[^1])) && source.IndexOfAnyInRange(HalfWidthKana.First, HalfWidthKana.Last) < 0;
    }

    private static bool IsOpening(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OpenPunctuation or System.Globalization.UnicodeCategory.InitialQuotePunctuation;

    private static bool IsClosing(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.ClosePunctuation or System.Globalization.UnicodeCategory.FinalQuotePunctuation;

    private static bool IsDataDelimiter(char c) => IsFieldDelimiter(c) || c is ',' or ';' or ':' or '|' or '"' or '\'' or '(' or ')' or '[' or ']' or '=';
}
