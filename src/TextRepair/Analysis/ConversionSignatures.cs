using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// Spots the fingerprint of character-by-character Simplified→Traditional conversion: words of OpenCC's phrase table
/// written with a character that only a character-level converter keeps (<c>聯系</c> where a phrase-aware converter,
/// and every Traditional writer, writes <c>聯繫</c>). Built lazily from STPhrases; immutable and thread-safe.
/// </summary>
internal sealed class ConversionSignatures
{
    // Characters of context on each side when a match is confirmed with the phrase-aware converters.
    private const int ContextLength = 8;

    private static readonly string[] s_configs = ["s2t", "s2tw", "s2hk"];
    private static ConversionSignatures? s_instance;

    // Signatures by their first two UTF-16 units; a bitmap of first units keeps the scan cheap.
    private readonly Dictionary<uint, List<Signature>> _byPrefix = [];
    private readonly ulong[] _firstUnits = new ulong[0x10000 / 64];

    private ConversionSignatures()
    {
        var st = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in EmbeddedData.ReadTabSeparated("OpenCC/dictionary/STCharacters.txt"))
        {
            st[key] = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        // Regional variants: a character that Taiwan or Hong Kong standards write is not a signature (台灣 in HK).
        var regional = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in new[] { "OpenCC/dictionary/TWVariants.txt", "OpenCC/dictionary/HKVariants.txt" })
        {
            foreach (var (key, value) in EmbeddedData.ReadTabSeparated(file))
            {
                foreach (string variant in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    regional.Add(key + "\t" + variant);
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, value) in EmbeddedData.ReadTabSeparated("OpenCC/dictionary/STPhrases.txt"))
        {
            string[] values = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0 || values[0].Length != phrase.Length || phrase.Length < 2 || HasSurrogates(phrase))
            {
                continue;
            }

            string traditional = values[0];
            char[] kept = traditional.ToCharArray();
            char[] charLevel = new char[phrase.Length];
            ulong keptMask = 0;
            ulong charLevelMask = 0;
            for (int k = 0; k < phrase.Length && k < 64; k++)
            {
                char s = phrase[k];
                string key = s.ToString();
                bool keptByCharLevel = !st.TryGetValue(key, out string[]? options) || Array.IndexOf(options, key) >= 0;
                charLevel[k] = options is { Length: > 0 } && options[0].Length == 1 ? options[0][0] : s;
                if (keptByCharLevel && traditional[k] != s && !regional.Contains(traditional[k] + "\t" + s))
                {
                    kept[k] = s;
                    keptMask |= 1UL << k;
                    if (charLevel[k] == s)
                    {
                        charLevelMask |= 1UL << k;
                    }
                }
            }

            if (keptMask != 0)
            {
                Add(new Signature(new string(kept), keptMask), seen);
            }

            if (charLevelMask != 0)
            {
                Add(new Signature(new string(charLevel), charLevelMask), seen);
            }
        }
    }

    public static ConversionSignatures Instance => Volatile.Read(ref s_instance) ?? Create();

    /// <summary>
    /// Counts signatures in <paramref name="text"/> and adds their spans to <paramref name="spans"/>. A match counts
    /// only when OpenCC's phrase-aware s2t, s2tw and s2hk, run on the surrounding text restored to Simplified, all write
    /// another character where the text keeps the Simplified one: another segmentation (表面條件 holds 面條) is no sign.
    /// </summary>
    public int Find(ReadOnlySpan<char> text, List<SuspectedDamage> spans, HashSet<string> distinct)
    {
        int count = 0;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            char c = text[i];
            if ((_firstUnits[c >> 6] & (1UL << (c & 63))) == 0
                || !_byPrefix.TryGetValue(((uint)c << 16) | text[i + 1], out List<Signature>? candidates))
            {
                continue;
            }

            foreach (Signature signature in candidates)
            {
                if (text[i..].StartsWith(signature.Text, StringComparison.Ordinal) && Confirmed(text, i, signature))
                {
                    spans.Add(new SuspectedDamage(i, signature.Text.Length, DamageKind.CharacterConversion));
                    distinct.Add(signature.Text);
                    count++;
                    i += signature.Text.Length - 1;
                    break;
                }
            }
        }

        return count;
    }

    private static bool Confirmed(ReadOnlySpan<char> text, int index, Signature signature)
    {
        int start = Math.Max(0, index - ContextLength);
        int end = Math.Min(text.Length, index + signature.Text.Length + ContextLength);
        var simplified = new char[end - start];
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            int s = char.IsSurrogate(c) ? c : HanData.ToSimplified(c);
            simplified[i - start] = s < 0x10000 ? (char)s : c;
        }

        string window = new(simplified);
        foreach (string config in s_configs)
        {
            string converted = ChineseConverter.Get(config).Convert(window);
            if (converted.Length != window.Length)
            {
                return false;
            }

            for (int k = 0; k < signature.Text.Length; k++)
            {
                if ((signature.KeptMask & (1UL << k)) != 0 && converted[index - start + k] == text[index + k])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ConversionSignatures Create()
    {
        var instance = new ConversionSignatures();
        return Interlocked.CompareExchange(ref s_instance, instance, null) ?? instance;
    }

    private static bool HasSurrogates(string text)
    {
        foreach (char c in text)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(Signature signature, HashSet<string> seen)
    {
        string text = signature.Text;
        if (!seen.Add(text))
        {
            return;
        }

        uint prefix = ((uint)text[0] << 16) | text[1];
        if (!_byPrefix.TryGetValue(prefix, out List<Signature>? list))
        {
            _byPrefix[prefix] = list = [];
        }

        // Longest first, so that the scan reports the most specific signature.
        int at = list.FindIndex(s => s.Text.Length < text.Length);
        list.Insert(at < 0 ? list.Count : at, signature);
        _firstUnits[text[0] >> 6] |= 1UL << (text[0] & 63);
    }

    private readonly record struct Signature(string Text, ulong KeptMask);
}
