using System.Runtime.CompilerServices;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// Character tables shared by the analyzer and the repair steps, built lazily from the embedded OpenCC character
/// dictionaries and Unihan data. Everything here is immutable once built and safe to use from any thread.
/// </summary>
internal static class HanData
{
    /// <summary>Flags of one character (BMP: table; supplementary: dictionary).</summary>
    [Flags]
    internal enum CharFlags : byte
    {
        None = 0,

        /// <summary>OpenCC's T→S table maps the character to something else first (a Traditional form).</summary>
        Convertible = 1,

        /// <summary>A Traditional form that is not also a Simplified one (TS values exclude it).</summary>
        TraditionalOnly = 2,

        /// <summary>A Simplified form that is not also a Traditional one (ST values exclude it).</summary>
        SimplifiedOnly = 4,

        /// <summary>OpenCC's T→S table has several values: a restored character may be the wrong one.</summary>
        AmbiguousToSimplified = 8,

        /// <summary>A BMP CJK ideograph (BMP table only).</summary>
        Ideograph = 16,

        /// <summary>Needs a closer look by the analyzer: "(", "（" or a high surrogate (BMP table only).</summary>
        Special = 32,
    }

    private static Tables? s_tables;
    private static Readings? s_readings;

    private static Tables CharTables => Volatile.Read(ref s_tables) ?? LoadTables();

    public static Readings ReadingTable => Volatile.Read(ref s_readings) ?? LoadReadings();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharFlags Flags(char c) => (CharFlags)CharTables.BmpFlags[c];

    public static CharFlags Flags(int codePoint)
    {
        Tables tables = CharTables;
        if (codePoint < 0x10000)
        {
            return (CharFlags)tables.BmpFlags[codePoint];
        }

        return tables.SupplementaryFlags.TryGetValue(codePoint, out CharFlags flags) ? flags : CharFlags.None;
    }

    /// <summary>The first OpenCC T→S value of a code point, or the code point itself.</summary>
    public static int ToSimplified(int codePoint)
    {
        Tables tables = CharTables;
        if (codePoint < 0x10000 && tables.BmpToSimplified[codePoint] != 0)
        {
            return tables.BmpToSimplified[codePoint];
        }

        return tables.ToSimplified.TryGetValue(codePoint, out int simplified) ? simplified : codePoint;
    }

    /// <summary>The bitmap of BMP characters flagged <see cref="CharFlags.TraditionalOnly"/>, for fast scans.</summary>
    public static ReadOnlySpan<byte> BmpFlagTable => CharTables.BmpFlags;

    /// <summary>Simplified counterparts of a character: every OpenCC T→S value and Unihan kSimplifiedVariant.</summary>
    public static ReadOnlySpan<int> SimplifiedCounterparts(int codePoint) =>
        CharTables.Counterparts.TryGetValue(codePoint, out int[]? values) ? values : ReadOnlySpan<int>.Empty;

    private static Tables LoadTables()
    {
        var tables = new Tables();
        for (int c = 0; c < 0x10000; c++)
        {
            if (CjkText.IsIdeograph((char)c))
            {
                tables.BmpFlags[c] = (byte)CharFlags.Ideograph;
            }
            else if (c is '(' or '\uFF08' || char.IsHighSurrogate((char)c))
            {
                tables.BmpFlags[c] = (byte)CharFlags.Special;
            }
        }

        var counterparts = new Dictionary<int, List<int>>();
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/STCharacters.txt"))
        {
            int s = SingleCodePoint(key);
            if (s < 0)
            {
                continue;
            }

            bool self = false;
            foreach (int t in CodePoints(value))
            {
                self |= t == s;
            }

            if (!self)
            {
                tables.Or(s, CharFlags.SimplifiedOnly);
            }
        }

        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/TSCharacters.txt"))
        {
            int t = SingleCodePoint(key);
            if (t < 0)
            {
                continue;
            }

            int first = -1;
            int count = 0;
            bool self = false;
            foreach (int s in CodePoints(value))
            {
                if (first < 0)
                {
                    first = s;
                }

                count++;
                self |= s == t;
                if (s != t)
                {
                    Add(counterparts, t, s);
                }
            }

            if (first < 0 || first == t)
            {
                continue;
            }

            if (t < 0x10000 && first < 0x10000)
            {
                tables.BmpToSimplified[t] = (char)first;
            }
            else
            {
                tables.ToSimplified[t] = first;
            }

            CharFlags flags = CharFlags.Convertible;
            if (!self)
            {
                flags |= CharFlags.TraditionalOnly;
            }

            if (count > 1)
            {
                flags |= CharFlags.AmbiguousToSimplified;
            }

            tables.Or(t, flags);
        }

        foreach (var (key, value) in EmbeddedDictionary.Lines("Unihan/SimplifiedVariants.txt"))
        {
            int t = SingleCodePoint(key);
            if (t < 0)
            {
                continue;
            }

            foreach (int s in CodePoints(value))
            {
                if (s != t)
                {
                    Add(counterparts, t, s);
                }
            }
        }

        foreach (var (cp, list) in counterparts)
        {
            tables.Counterparts[cp] = list.ToArray();
        }

        return Interlocked.CompareExchange(ref s_tables, tables, null) ?? tables;
    }

    private static Readings LoadReadings()
    {
        var readings = new Readings(EmbeddedDictionary.Lines("Unihan/Readings.txt"));
        return Interlocked.CompareExchange(ref s_readings, readings, null) ?? readings;
    }

    private static void Add(Dictionary<int, List<int>> map, int key, int value)
    {
        if (!map.TryGetValue(key, out List<int>? list))
        {
            map[key] = list = new List<int>(2);
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static int SingleCodePoint(string text)
    {
        if (text.Length == 0 || Rune.DecodeFromUtf16(text, out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done
            || consumed != text.Length)
        {
            return -1;
        }

        return rune.Value;
    }

    private static List<int> CodePoints(string spaceSeparated)
    {
        var result = new List<int>(2);
        foreach (string part in spaceSeparated.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int cp = SingleCodePoint(part);
            if (cp >= 0)
            {
                result.Add(cp);
            }
        }

        return result;
    }

    private sealed class Tables
    {
        public byte[] BmpFlags { get; } = new byte[0x10000];

        public Dictionary<int, CharFlags> SupplementaryFlags { get; } = [];

        public Dictionary<int, int> ToSimplified { get; } = [];

        /// <summary>BMP-to-BMP T→S mappings (0: none); the rest is in <see cref="ToSimplified"/>.</summary>
        public char[] BmpToSimplified { get; } = new char[0x10000];

        public Dictionary<int, int[]> Counterparts { get; } = [];

        public void Or(int codePoint, CharFlags flags)
        {
            if (codePoint < 0x10000)
            {
                BmpFlags[codePoint] |= (byte)flags;
            }
            else
            {
                SupplementaryFlags[codePoint] = (SupplementaryFlags.TryGetValue(codePoint, out CharFlags old) ? old : CharFlags.None) | flags;
            }
        }
    }
}
