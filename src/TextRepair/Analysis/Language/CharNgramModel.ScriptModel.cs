using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Analysis.Language;

internal sealed partial class CharNgramModel
{
    /// <summary>
    /// One script's tables: unigram and back-off log-probabilities per UTF-16 unit, built at load; the stored pairs in
    /// the image's open-addressing table, read in place (see <see cref="CharNgramImage"/>).
    /// </summary>
    internal sealed unsafe class ScriptModel
    {
        private readonly float[] _unigram = new float[65536];
        private readonly float[] _backoff = new float[65536];
        private readonly bool[] _known = new bool[65536];

        // UTF-16 ranges of ScoreSurrogatePairsAsOne: all low surrogates, the high surrogates of U+20000-U+3FFFF (CJK
        // extensions B-H) and those of U+1F000-U+1FBFF (pictographs: emoji, their modifiers, mahjong and playing cards).
        private const int LowSurrogateFirst = 0xDC00;
        private const int LowSurrogateLast = 0xDFFF;
        private const int IdeographHighSurrogateFirst = 0xD840;
        private const int IdeographHighSurrogateLast = 0xD8BF;
        private const int PictographHighSurrogateFirst = 0xD83C;
        private const int PictographHighSurrogateLast = 0xD83E;

        // The precomposed Hangul syllables and the Cyrillic block (see RaiseUnseenLetters).
        private const int HangulSyllableFirst = 0xAC00;
        private const int HangulSyllableLast = 0xD7A3;
        private const int CyrillicFirst = 0x0400;
        private const int CyrillicLast = 0x04FF;

        // The pictographs of the Basic Multilingual Plane that emoji are written with (Miscellaneous Symbols and
        // Dingbats: ☀, ☎, ✅, ❤), the joiner of emoji sequences (U+200D) and the presentation selectors (U+FE0E text,
        // U+FE0F emoji) that follow a pictograph.
        private const int BmpPictographFirst = 0x2600;
        private const int BmpPictographLast = 0x27BF;
        private const char ZeroWidthJoiner = '\u200D';
        private const int PresentationSelectorFirst = 0xFE0E;
        private const int PresentationSelectorLast = 0xFE0F;

        // Code points an unseen pictograph is one of: plane 1's block and the BMP's (see ScoreSurrogatePairsAsOne).
        private const int Pictographs = ((PictographHighSurrogateLast - PictographHighSurrogateFirst + 1) * 1024) + (BmpPictographLast - BmpPictographFirst + 1);

        // Characters that start / end some stored pair, one bit each (8 KB apiece, in the image): a pair with a
        // character that starts or ends none cannot be stored, so most lookups of another script's text end here
        // without probing the pair table, which is far too large for the cache.
        private readonly byte* _firsts;
        private readonly byte* _seconds;

        // Per character, the code of the largest stored pair log-probability into it (in the image; see MaxPairInto).
        private readonly byte* _maxInto;

        // Stored pairs, open addressing, in the image: 5-byte slots of the key (first << 16 | second) and the
        // log-probability's code, so that a probe reads one slot.
        private readonly byte* _slots;
        private readonly int _mask;

        private ScriptModel(byte* model, int unigramCount, int bigramCount, int capacity)
        {
            UnigramCount = unigramCount;
            BigramCount = bigramCount;
            _firsts = model + CharNgramImage.BitmapsOffset(unigramCount);
            _seconds = _firsts + CharNgramImage.BitmapSize;
            _maxInto = _seconds + CharNgramImage.BitmapSize;
            _slots = _firsts + CharNgramImage.SlotsAfterBitmaps;
            _mask = capacity - 1;
        }

        public int UnigramCount { get; }

        public int BigramCount { get; }

        public bool IsKnown(char c) => _known[c];

        public double UnigramLogProb(char c) => _unigram[c];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double LogProb(char previous, char next)
        {
            if (((_firsts[previous >> 3] >> (previous & 7)) & 1) == 0 || ((_seconds[next >> 3] >> (next & 7)) & 1) == 0)
            {
                return _backoff[previous] + _unigram[next];
            }

            uint key = ((uint)previous << 16) | next;
            int slot = (int)CharNgramImage.Hash(key) & _mask;
            while (true)
            {
                byte* entry = _slots + ((nint)slot * CharNgramImage.SlotSize);
                uint k = ReadKey(entry);
                if (k == key)
                {
                    return -entry[4] * CharNgramImage.Step;
                }

                if (k == 0)
                {
                    return _backoff[previous] + _unigram[next];
                }

                slot = (slot + 1) & _mask;
            }
        }

        /// <summary>
        /// Asks the processor to bring the pair table's slot of <paramref name="previous"/> then <paramref name="next"/>
        /// into the cache (x86 only; elsewhere nothing): a hint, no effect on any result. The table is far larger than
        /// the cache, and a probe that waits for memory was a fifth of a scoring loop's time (perf, session 28), so
        /// a loop asks for the slot it will probe a few characters later.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Prefetch(char previous, char next)
        {
            if (Sse.IsSupported)
            {
                uint key = ((uint)previous << 16) | next;
                Sse.Prefetch0(_slots + ((nint)((int)CharNgramImage.Hash(key) & _mask) * CharNgramImage.SlotSize));
            }
        }

        /// <summary>
        /// The largest stored pair log-probability into each character (negative infinity for a character that ends no
        /// stored pair): with <see cref="UnigramLogProb"/> and a back-off weight of at most 0, the most any transition
        /// into the character can score. A new 64 K table per call.
        /// </summary>
        public float[] MaxPairInto()
        {
            // From the image's table, not a scan of the pair slots (6.3 MB; 6% of a tiny repair's CPU, session 15).
            float[] max = new float[65536];
            for (int c = 0; c < max.Length; c++)
            {
                max[c] = ((_seconds[c >> 3] >> (c & 7)) & 1) == 0 ? float.NegativeInfinity : -_maxInto[c] * CharNgramImage.Step;
            }

            return max;
        }

        /// <summary>
        /// CJK ideographs a model of Han text never saw get the Good-Turing estimate of an unseen character instead of
        /// the trainer's uniform floor: the share of the training text's characters seen once (the characters at the
        /// lowest unigram level; add-one makes that level 2 / (N + V + 1)), spread over the ideographs the model does
        /// not know. The trainer spreads one count over 30,000 characters (about -26 nats), which made a clean word of
        /// rare characters (叮噹, 舒芙蕾, 丙胺酸 in OpenCC's test cases) so unlikely that a garbled reading of it won
        /// (s羔e, 두ぼ접). With the session-9 model (general-subject words from rime-essay): zh-Hans 2,348 characters at
        /// the lowest level of about 6.8 M, 16,865 ideographs known, about -17.3 nats; zh-Hant -16.9; ja -18.7. Models
        /// that know no ideograph keep the floor (they score ideographs through the other models).
        /// <para>
        /// A surrogate pair is one character and is scored as one (see <see cref="ScoreSurrogatePairsAsOne"/>, which
        /// gets the estimate returned here, or null for a model that knows no ideograph).
        /// </para>
        /// </summary>
        private static float? RaiseUnseenIdeographs(float[] unigram, bool[] seen, double seenOnceLogShare) =>
            RaiseUnseenIn(unigram, seen, seenOnceLogShare, 0, 65535, ideographs: true);

        /// <summary>
        /// Hangul syllables and Cyrillic letters a model never saw get the Good-Turing estimate of an unseen character,
        /// as ideographs do (<see cref="RaiseUnseenIdeographs"/>), instead of the trainer's uniform floor: the share of
        /// the training text's characters seen once, spread over the letters of the block the model does not know. The
        /// ko model's training text is small: it knows 1,069 of the 11,172 syllables, so a clean word with one syllable
        /// it never saw cost about -23.5 nats a syllable, and a reading of its bytes into Han won: 타겟 (target, EUC-KR
        /// bytes B8 C5 B0 D9) became 展為 (read as EUC-JP), 혈흔 (bloodstain) 迫泌; the 29 Korean messages the clean
        /// catalogue probe changed were all such words (session 37). The Cyrillic model (Russian, Ukrainian, Bulgarian)
        /// knows 88 of the block's 248 letters, and the letters of Mongolian, Kyrgyz or Kazakh (ө, ү, қ) cost -25.1:
        /// өмнө (before) became ス粿磚ス. Now -17.7 nats for a syllable, -17.3 for a Cyrillic letter (session 37: clean
        /// probe 168 → 126 messages changed, dev half net unchanged, docs/encoding.md). Only the model of the block's
        /// script is raised: the Han and Japanese models know a few Cyrillic letters from their code pages' charts, and
        /// the estimate spread from them would rate a Mongolian letter likelier under ja than under Cyrillic.
        /// </summary>
        private static void RaiseUnseenLetters(float[] unigram, bool[] seen, double seenOnceLogShare, LanguageScript script)
        {
            if (script == LanguageScript.Ko)
            {
                RaiseUnseenIn(unigram, seen, seenOnceLogShare, HangulSyllableFirst, HangulSyllableLast, ideographs: false);
            }
            else if (script == LanguageScript.Cyrillic)
            {
                RaiseUnseenIn(unigram, seen, seenOnceLogShare, CyrillicFirst, CyrillicLast, ideographs: false);
            }
        }

        /// <summary>
        /// Raises the characters of <paramref name="first"/>..<paramref name="last"/> of one class (ideographs, or
        /// letters) that the model never saw to the Good-Turing estimate: the share of characters seen once spread over
        /// the class's characters of the range it does not know. Returns the estimate, or null (nothing raised) when the
        /// model knows none of them.
        /// </summary>
        private static float? RaiseUnseenIn(float[] unigram, bool[] seen, double seenOnceLogShare, int first, int last, bool ideographs)
        {
            int members = 0, known = 0;
            for (int c = first; c <= last; c++)
            {
                bool member = ideographs ? CjkText.IsIdeograph((char)c) : char.IsLetter((char)c);
                members += member ? 1 : 0;
                known += member && seen[c] ? 1 : 0;
            }

            if (known == 0)
            {
                return null;
            }

            float estimate = (float)(seenOnceLogShare - Math.Log(members - known));
            for (int c = first; c <= last; c++)
            {
                bool member = ideographs ? CjkText.IsIdeograph((char)c) : char.IsLetter((char)c);
                if (!seen[c] && member && estimate > unigram[c])
                {
                    unigram[c] = estimate;
                }
            }

            return estimate;
        }

        /// <summary>
        /// Gives the characters the model never saw, which the trainer left at its uniform floor, what they cost by
        /// their class: ideographs (<see cref="RaiseUnseenIdeographs"/>), surrogate pairs and pictographs
        /// (<see cref="ScoreSurrogatePairsAsOne"/>), and the letters of the model's own script
        /// (<see cref="RaiseUnseenLetters"/>). The share of characters seen once is taken once, before any change.
        /// </summary>
        internal static void RaiseUnseen(float[] unigram, bool[] seen, LanguageScript script)
        {
            double seenOnceLogShare = SeenOnceLogShare(unigram, seen);
            ScoreSurrogatePairsAsOne(unigram, seen, RaiseUnseenIdeographs(unigram, seen, seenOnceLogShare), seenOnceLogShare);
            RaiseUnseenLetters(unigram, seen, seenOnceLogShare, script);
        }

        /// <summary>
        /// The log of the share of the training text's characters that are characters seen once (those at the lowest
        /// unigram level; add-one makes that level 2 / (N + V + 1)): the Good-Turing estimate of the probability that the
        /// next character is one the model never saw.
        /// </summary>
        private static double SeenOnceLogShare(float[] unigram, bool[] seen)
        {
            float lowest = 0;
            for (int c = 0; c < 65536; c++)
            {
                lowest = seen[c] ? Math.Min(lowest, unigram[c]) : lowest;
            }

            int seenOnce = 0;
            for (int c = 0; c < 65536; c++)
            {
                seenOnce += seen[c] && unigram[c] == lowest ? 1 : 0;
            }

            return Math.Log(seenOnce / (2 / Math.Exp(lowest)));
        }

        /// <summary>
        /// The models are over UTF-16 code units of the Basic Multilingual Plane; a character of the supplementary
        /// planes (CJK extensions B-H, 𠮷 or 𣨼 in names and dictionaries; emoji) is two units the trainer never saw,
        /// and scored as two unknown characters (about -52 nats) a clean word with one lost to any garbled reading of
        /// it (OpenCC's test case 殢云尤雨 / 𣨼云尤雨 became 鼎k2云尤雨). A pair now costs what one character costs: its
        /// low surrogate costs nothing after any character (log 1; only a high surrogate precedes one in well-formed
        /// text), and in a model that knows ideographs the high surrogates of planes 2 and 3 (U+20000-U+3FFFF, the CJK
        /// extensions) cost what an unseen ideograph costs (<paramref name="unseenIdeograph"/>, see
        /// <see cref="RaiseUnseenIdeographs"/>).
        /// <para>
        /// The pictographs of plane 1 (U+1F000-U+1FBFF: emoji, the commonest supplementary characters of web text), and
        /// those of the BMP's Miscellaneous Symbols and Dingbats that a model did not see, cost, in every model, what an
        /// unseen pictograph costs: the Good-Turing share of characters seen once, spread over the 3,520 code points of
        /// those blocks (about -16 nats). The joiner of emoji sequences (U+200D) and a presentation selector (U+FE0E,
        /// U+FE0F) cost nothing. The training text (documentation, catalogues,
        /// word lists) holds none; at the trainer's floor an emoji alone cost about -30 nats over its three transitions,
        /// under every fluency floor, so an emoji that a line's chain had garbled stayed garbled wherever it stood as a
        /// token of its own ("张三 ð\u009F\u0098\u0080", UTF-8 read as Latin-1: 0 of 20 lines of session 30's probe
        /// restored it, in every single-byte reader and GBK; 20 of 20 after). Other planes keep the floor.
        /// </para>
        /// </summary>
        private static void ScoreSurrogatePairsAsOne(float[] unigram, bool[] seen, float? unseenIdeograph, double seenOnceLogShare)
        {
            for (int c = LowSurrogateFirst; c <= LowSurrogateLast; c++)
            {
                unigram[c] = 0;
            }

            if (unseenIdeograph is float estimate)
            {
                for (int c = IdeographHighSurrogateFirst; c <= IdeographHighSurrogateLast; c++)
                {
                    unigram[c] = Math.Max(unigram[c], estimate);
                }
            }

            float pictograph = (float)(seenOnceLogShare - Math.Log(Pictographs));
            for (int c = PictographHighSurrogateFirst; c <= PictographHighSurrogateLast; c++)
            {
                unigram[c] = Math.Max(unigram[c], pictograph);
            }

            for (int c = BmpPictographFirst; c <= BmpPictographLast; c++)
            {
                unigram[c] = seen[c] ? unigram[c] : Math.Max(unigram[c], pictograph);
            }

            // A joiner ("👨‍👩‍👧") and a presentation selector only say how the pictographs around them are drawn: they
            // cost nothing, as a low surrogate does (as one more pictograph, the joiner left a family of three at -9 nats
            // per transition, under the fluency floors).
            unigram[ZeroWidthJoiner] = 0;
            for (int c = PresentationSelectorFirst; c <= PresentationSelectorLast; c++)
            {
                unigram[c] = 0;
            }
        }

        /// <summary>
        /// Reads the model at <paramref name="model"/> (at most <paramref name="available"/> bytes) and builds its
        /// per-character tables; <paramref name="size"/> is the model's size in the image.
        /// </summary>
        public static ScriptModel Read(byte* model, long available, LanguageScript script, out long size)
        {
            var header = new ReadOnlySpan<byte>(model, (int)Math.Min(available, CharNgramImage.ModelHeaderSize));
            if (header.Length < CharNgramImage.ModelHeaderSize
                || Encoding.ASCII.GetString(header[..CharNgramImage.NameLength]).TrimEnd('\0') != ScriptName(script))
            {
                throw new InvalidDataException($"Embedded language model: model {(int)script} is not {ScriptName(script)}.");
            }

            float unknown = BinaryPrimitives.ReadSingleLittleEndian(header[CharNgramImage.NameLength..]);
            int unigrams = BinaryPrimitives.ReadInt32LittleEndian(header[(CharNgramImage.NameLength + 4)..]);
            int bigrams = BinaryPrimitives.ReadInt32LittleEndian(header[(CharNgramImage.NameLength + 8)..]);
            int capacity = BinaryPrimitives.ReadInt32LittleEndian(header[(CharNgramImage.NameLength + 12)..]);
            if (unigrams is < 0 or > 65536 || bigrams < 0 || capacity < Math.Max(CharNgramImage.MinCapacity, 2 * bigrams) || (capacity & (capacity - 1)) != 0
                || (size = CharNgramImage.ModelSize(unigrams, capacity)) > available)
            {
                throw new InvalidDataException($"Embedded language model: model {ScriptName(script)} is damaged.");
            }

            var result = new ScriptModel(model, unigrams, bigrams, capacity);
            Array.Fill(result._unigram, unknown);
            var entries = new ReadOnlySpan<byte>(model + CharNgramImage.ModelHeaderSize, unigrams * 4);
            for (int i = 0; i < entries.Length; i += 4)
            {
                char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(entries[i..]);
                result._unigram[c] = -entries[i + 2] * CharNgramImage.Step;
                result._backoff[c] = -entries[i + 3] * CharNgramImage.Step;
                result._known[c] = true;
            }

            RaiseUnseen(result._unigram, result._known, script);
            return result;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint ReadKey(byte* entry)
        {
            uint key = Unsafe.ReadUnaligned<uint>(entry);
            return BitConverter.IsLittleEndian ? key : BinaryPrimitives.ReverseEndianness(key);
        }
    }
}
