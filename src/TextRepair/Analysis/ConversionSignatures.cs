using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// Spots the fingerprint of character-by-character Simplified→Traditional conversion: words of OpenCC's phrase table
/// written with a character that only a character-level converter keeps (<c>聯系</c> where a phrase-aware converter,
/// and every Traditional writer, writes <c>聯繫</c>). Built lazily from STPhrases; immutable and thread-safe.
/// A match is strong evidence only when a character-level converter writes it and real Traditional text would not:
/// see <see cref="IsStrong"/>.
/// </summary>
internal sealed class ConversionSignatures
{
    // Characters of context on each side when a match is confirmed with the phrase-aware converters.
    private const int ContextLength = 8;

    // How much less likely (natural log, the zh-Hant character model, the match and one character on each side) the
    // match must be than the phrase table's form for it to be strong evidence. Measured on Debian's zh_TW gettext
    // catalogs a-g (24, clean, human-written) and the zh_CN catalogs a-g run through STCharacters' first values (29):
    // word-boundary accidents score above the phrase form (此系統 +3.0, 這只能 0.0, 是只能 +2.8, 布景 +0.9 to +4.6) and
    // so do forms Taiwan writes (分布 0.0 to -3.0, 折疊 +1.4), while the converter's words score far below (聯系 -10.1,
    // 注冊 -6.6 or less, 標志 -3.9 or less, 日志 median -4.1). At 3.5 the clean catalogs keep 8 strong matches of 91
    // (229,311 Han characters), the converted ones 708 of 856 (259,624 Han characters).
    private const double StrongLogOddsMargin = 3.5;

    private static readonly string[] s_configs = ["s2t", "s2tw", "s2hk"];
    private static ConversionSignatures? s_instance;

    // Signatures by the kept character and its right neighbour in the signature (or, for a kept last character, its
    // left neighbour); a bitmap of kept characters keeps the scan to one table test per character.
    private readonly Dictionary<uint, List<(Signature Signature, int Offset)>> _byKeptAndNext = [];
    private readonly Dictionary<uint, List<(Signature Signature, int Offset)>> _byPreviousAndKept = [];
    private readonly ulong[] _keptUnits = CharBits.Create();

    // Characters that the character-level conversion (STCharacters' first values) writes: its first values and every
    // character it leaves alone.
    private readonly ulong[] _written = CharBits.Create();

    private ConversionSignatures()
    {
        var st = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/STCharacters.txt"))
        {
            st[key] = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        Array.Fill(_written, ulong.MaxValue);
        foreach (string key in st.Keys)
        {
            if (key.Length == 1)
            {
                CharBits.Remove(_written, key[0]);
            }
        }

        foreach (string[] options in st.Values)
        {
            if (options is [{ Length: 1 } first, ..])
            {
                CharBits.Add(_written, first[0]);
            }
        }

        // Regional variants: a character that Taiwan or Hong Kong standards write is not a signature (台灣 in HK).
        var regional = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in new[] { "OpenCC/dictionary/TWVariants.txt", "OpenCC/dictionary/HKVariants.txt" })
        {
            foreach (var (key, value) in EmbeddedDictionary.Lines(file))
            {
                foreach (string variant in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    regional.Add(key + "\t" + variant);
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/STPhrases.txt"))
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
                Add(new Signature(new string(kept), keptMask, traditional, Written(kept, keptMask)), seen);
            }

            if (charLevelMask != 0)
            {
                Add(new Signature(new string(charLevel), charLevelMask, traditional, ConverterWrites: true), seen);
            }
        }
    }

    public static ConversionSignatures Instance => Volatile.Read(ref s_instance) ?? Create();

    /// <summary>
    /// Counts signatures in <paramref name="text"/> and adds their spans to <paramref name="spans"/> (when not null),
    /// and the words of the strong ones to <paramref name="strongDistinct"/>.
    /// With <paramref name="confirm"/>, a match counts only when OpenCC's phrase-aware s2t, s2tw and s2hk, run on the
    /// surrounding text restored to Simplified, all write another character where the text keeps the Simplified one:
    /// another segmentation (表面條件 holds 面條) is no sign; and it is strong by <see cref="IsStrong"/>. Without it,
    /// this is the cheap upper bound used to reject clean text early (every match the converter writes is strong).
    /// </summary>
    public (int Count, int Strong) Find(ReadOnlySpan<char> text, List<SuspectedDamage>? spans, HashSet<string> strongDistinct, bool confirm)
    {
        int count = 0;
        int strong = 0;
        int covered = 0;
        Confirmations? confirmations = confirm ? new Confirmations() : null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!CharBits.Contains(_keptUnits, c))
            {
                continue;
            }

            // Of a signature holding the character and one ending on it, the one that starts first, as a left-to-right
            // reader (and the converter's forward maximum matching) segments: 前一周上升 holds 一周, not 周上.
            int start = 0;
            Signature found = default;
            bool matched = i + 1 < text.Length && TryMatch(text, i, _byKeptAndNext, ((uint)c << 16) | text[i + 1], covered, confirmations, out start, out found);
            if (i > 0 && TryMatch(text, i, _byPreviousAndKept, ((uint)text[i - 1] << 16) | c, covered, confirmations, out int leftStart, out Signature left)
                && (!matched || leftStart < start))
            {
                (matched, start, found) = (true, leftStart, left);
            }

            if (matched)
            {
                spans?.Add(new SuspectedDamage(start, found.Text.Length, RepairKind.Script));
                count++;
                if (found.ConverterWrites && (!confirm || IsStrong(text, start, found)))
                {
                    strongDistinct.Add(found.Text);
                    strong++;
                }

                covered = start + found.Text.Length;
                i = covered - 1;
            }
        }

        return (count, strong);
    }

    /// <summary>
    /// A confirmed match is strong evidence when real Traditional text would write the phrase table's form instead: the
    /// zh-Hant character model, over the match and one character on each side, finds it at least
    /// <see cref="StrongLogOddsMargin"/> less likely than that form. A word-boundary accident (此系統 holds 此系, 這只能
    /// holds 這只) and a form Taiwan writes (布景, 分布) are not; a word only the converter writes (聯系, 注冊) is.
    /// </summary>
    private static bool IsStrong(ReadOnlySpan<char> text, int start, Signature signature)
    {
        int end = start + signature.Text.Length;
        char before = start > 0 ? text[start - 1] : CharNgramModel.Boundary;
        char after = end < text.Length ? text[end] : CharNgramModel.Boundary;
        CharNgramModel model = CharNgramModel.Shared;
        double kept = model.Score(LanguageScript.ZhHant, text[start..end], before, after).Total;
        double phrase = model.Score(LanguageScript.ZhHant, signature.Alternative, before, after).Total;
        return kept <= phrase - StrongLogOddsMargin;
    }

    // True when the character-level conversion writes every kept character: 占用 (the converter writes 佔用 for 占用) is
    // a writer's choice, Taiwan's standard form, not the converter's.
    private bool Written(char[] signature, ulong keptMask)
    {
        for (int k = 0; k < signature.Length && k < 64; k++)
        {
            if ((keptMask & (1UL << k)) != 0 && !CharBits.Contains(_written, signature[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryMatch(
        ReadOnlySpan<char> text,
        int index,
        Dictionary<uint, List<(Signature Signature, int Offset)>> map,
        uint key,
        int covered,
        Confirmations? confirmations,
        out int start,
        out Signature found)
    {
        start = 0;
        found = default;
        if (!map.TryGetValue(key, out List<(Signature Signature, int Offset)>? candidates))
        {
            return false;
        }

        foreach (var (signature, offset) in candidates)
        {
            int s = index - offset;
            if (s >= covered && s + signature.Text.Length <= text.Length
                && text.Slice(s, signature.Text.Length).SequenceEqual(signature.Text)
                && (confirmations is null || confirmations.Check(text, s, signature)))
            {
                start = s;
                found = signature;
                return true;
            }
        }

        return false;
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

        // Indexed under its first kept character.
        int k = System.Numerics.BitOperations.TrailingZeroCount(signature.KeptMask);
        char kept = text[k];
        (Dictionary<uint, List<(Signature, int)>> map, uint key) = k + 1 < text.Length
            ? (_byKeptAndNext, ((uint)kept << 16) | text[k + 1])
            : (_byPreviousAndKept, ((uint)text[k - 1] << 16) | kept);
        if (!map.TryGetValue(key, out List<(Signature, int)>? list))
        {
            map[key] = list = [];
        }

        // Longest first, so that the scan reports the most specific signature.
        int at = list.FindIndex(s => s.Item1.Text.Length < text.Length);
        list.Insert(at < 0 ? list.Count : at, (signature, k));
        CharBits.Add(_keptUnits, kept);
    }

    // Alternative: the phrase table's form of the word (聯繫 for 聯系). ConverterWrites: the character-level conversion
    // writes every kept character (聯系: 系's first value is 系; not 占用: 占's is 佔).
    private readonly record struct Signature(string Text, ulong KeptMask, string Alternative, bool ConverterWrites);

    // Confirmation runs three converters on a window: bounded per call. A signature confirmed (or rejected) twice with
    // no contrary result is taken as such from then on, and after MaxConfirmations checks unconfirmed matches count
    // as rejected, so clean Traditional text costs a bounded amount whatever its length.
    private sealed class Confirmations
    {
        private const int MaxConfirmations = 128;

        private readonly Dictionary<string, (int Yes, int No)> _results = new(StringComparer.Ordinal);
        private int _checks;

        public bool Check(ReadOnlySpan<char> text, int start, Signature signature)
        {
            _results.TryGetValue(signature.Text, out (int Yes, int No) seen);
            if (seen.Yes >= 2 && seen.No == 0)
            {
                return true;
            }

            if ((seen.No >= 2 && seen.Yes == 0) || _checks >= MaxConfirmations)
            {
                return false;
            }

            _checks++;
            bool confirmed = Confirmed(text, start, signature);
            _results[signature.Text] = confirmed ? (seen.Yes + 1, seen.No) : (seen.Yes, seen.No + 1);
            return confirmed;
        }
    }
}
