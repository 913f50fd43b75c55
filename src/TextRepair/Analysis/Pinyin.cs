namespace TextRepair.Analysis;

/// <summary>
/// Hanyu Pinyin syllables in a canonical ASCII key: lower-case letters (ü as 'v', ê as 'E') followed by the tone
/// digit, 0 for none ("jian1", "lv4", "de0"). Tone marks may be precomposed (NFC) or combining (NFD).
/// </summary>
internal static class Pinyin
{
    /// <summary>Longest canonical key: "zhuang" + tone, with room for odd inputs that then fail the inventory.</summary>
    public const int MaxKeyLength = 8;

    /// <summary>
    /// Parses one syllable (no spaces) into its canonical key. Returns false for anything that is not letters with at
    /// most one tone mark: digits, upper case, other scripts, two tone marks, too long.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<char> key, out int keyLength, out int tone)
    {
        keyLength = 0;
        tone = 0;
        if (text.IsEmpty || key.Length < MaxKeyLength)
        {
            return false;
        }

        foreach (char c in text)
        {
            char letter;
            int mark = 0;
            if (c is >= 'a' and <= 'z')
            {
                letter = c;
            }
            else if (c == '\u00FC')
            {
                letter = 'v';
            }
            else if (c == '\u00EA')
            {
                letter = 'E';
            }
            else if (c == '\u0308')
            {
                // Combining diaeresis: u + U+0308 is ü.
                if (keyLength == 0 || key[keyLength - 1] != 'u')
                {
                    return false;
                }

                key[keyLength - 1] = 'v';
                continue;
            }
            else if (c == '\u0302')
            {
                // Combining circumflex: e + U+0302 is ê.
                if (keyLength == 0 || key[keyLength - 1] != 'e')
                {
                    return false;
                }

                key[keyLength - 1] = 'E';
                continue;
            }
            else if ((mark = CombiningTone(c)) != 0)
            {
                if (tone != 0 || keyLength == 0)
                {
                    return false;
                }

                tone = mark;
                continue;
            }
            else if (!TryPrecomposed(c, out letter, out mark))
            {
                return false;
            }

            if (mark != 0)
            {
                if (tone != 0)
                {
                    return false;
                }

                tone = mark;
            }

            if (keyLength == MaxKeyLength - 1)
            {
                return false;
            }

            key[keyLength++] = letter;
        }

        if (keyLength == 0)
        {
            return false;
        }

        key[keyLength++] = (char)('0' + tone);
        return true;
    }

    /// <summary>True for characters that can occur inside a pinyin syllable (used by quick pre-checks).</summary>
    public static bool IsSyllableChar(char c) =>
        c is >= 'a' and <= 'z' || (c >= '\u00C0' && c <= '\u01DC') || (c >= '\u0300' && c <= '\u030C') || (c >= '\u1E3E' && c <= '\u1EC7');

    private static int CombiningTone(char c) => c switch
    {
        '\u0304' => 1,
        '\u0301' => 2,
        '\u030C' => 3,
        '\u0300' => 4,
        _ => 0,
    };

    private static bool TryPrecomposed(char c, out char letter, out int tone)
    {
        (letter, tone) = c switch
        {
            '\u0101' => ('a', 1), '\u00E1' => ('a', 2), '\u01CE' => ('a', 3), '\u00E0' => ('a', 4),
            '\u0113' => ('e', 1), '\u00E9' => ('e', 2), '\u011B' => ('e', 3), '\u00E8' => ('e', 4),
            '\u012B' => ('i', 1), '\u00ED' => ('i', 2), '\u01D0' => ('i', 3), '\u00EC' => ('i', 4),
            '\u014D' => ('o', 1), '\u00F3' => ('o', 2), '\u01D2' => ('o', 3), '\u00F2' => ('o', 4),
            '\u016B' => ('u', 1), '\u00FA' => ('u', 2), '\u01D4' => ('u', 3), '\u00F9' => ('u', 4),
            '\u01D6' => ('v', 1), '\u01D8' => ('v', 2), '\u01DA' => ('v', 3), '\u01DC' => ('v', 4),
            '\u0144' => ('n', 2), '\u0148' => ('n', 3), '\u01F9' => ('n', 4),
            '\u1E3F' => ('m', 2),
            '\u1EBF' => ('E', 2), '\u1EC1' => ('E', 4),
            _ => ('\0', 0),
        };
        return letter != '\0';
    }
}
