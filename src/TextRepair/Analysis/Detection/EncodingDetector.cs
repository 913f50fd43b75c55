using System.Buffers;
using System.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using TextRepair.Analysis.Detection;

namespace TextRepair;

/// <summary>
/// Detects the character encoding of raw bytes: byte order marks first, then validity (valid UTF-8 is always
/// UTF-8), then, for every candidate that could have produced the bytes, how well its decoding reads as text under
/// the character language models of <c>Analysis/Language</c> (Chinese Simplified and Traditional, Japanese, Korean,
/// Latin and Cyrillic scripts). Candidates: UTF-8, UTF-16LE/BE (also without a byte order mark), GB18030, Big5
/// (WHATWG, with HKSCS), Shift_JIS, EUC-JP, EUC-KR, Windows-1252, ISO-8859-1, Windows-1251, Windows-1250.
/// Stateless and thread-safe; the language models and tables load on first use.
/// </summary>
public static class EncodingDetector
{
    /// <summary>
    /// Bytes decoded and scored with every candidate. The rest of a longer input is only checked for validity under
    /// the leading candidates. 16 KB is about 5,000 to 16,000 characters, where the evaluation's long texts (1-20 KB)
    /// are already all right from their first kilobytes; scoring it with all candidates takes a few milliseconds.
    /// </summary>
    public const int SampleByteCount = 16 * 1024;

    /// <summary>How many of the best-scoring candidates are checked against the rest of a long input.</summary>
    private const int VerifiedCandidates = 4;

    /// <summary>
    /// Share of odd characters (controls, unassigned) or invalid sequences in the best decoding above which input with
    /// NUL or control bytes is called binary. Text, even in the wrong encoding, stays far below (a few per thousand);
    /// executables, images and compressed data decode to 10-60% of them under every candidate.
    /// </summary>
    private const double BinaryOddShare = 0.05;

    /// <summary>
    /// Odd characters or invalid sequences the best decoding must have, besides <see cref="BinaryOddShare"/>, for input
    /// to be called binary: one is damage in a text (a NUL typed into it, a stray byte after a UTF-16 text), which the
    /// tool reports where it is; binary data has them by the dozen in its first bytes (the 40-byte ELF header the CLI
    /// tests use has 25 NULs). Before session 27 a 14-byte UTF-8 text with one NUL, and a UTF-16 text with one byte
    /// too many, were skipped as binary files.
    /// </summary>
    private const int BinaryMinOdd = 2;

    /// <summary>C0 control bytes that text does not contain (all but tab, line feed, form feed, carriage return, escape).</summary>
    private static readonly SearchValues<byte> s_controlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F]);

    /// <summary>
    /// The candidate names the detector scores and lists in every detection; it also answers <c>ascii</c>, and
    /// <c>utf-32le</c> or <c>utf-32be</c> for input with their byte order mark or UTF-32's structure (then alone).
    /// </summary>
    /// <remarks>A new array each call.</remarks>
    public static string[] CandidateNames => Array.ConvertAll(DetectionEncodings.All, candidate => candidate.Name);

    /// <summary>
    /// The encoding for a candidate name (case-insensitive; <c>ascii</c> gives UTF-8), with the given fallbacks; for
    /// <c>big5</c> WHATWG's Big5 with HKSCS; the other code pages as <see cref="StrictCodePages"/> builds them (a byte
    /// the code page leaves unassigned is invalid, not a private-use character). Returns null for a name that is not a candidate.
    /// </summary>
    /// <remarks>Allocates a new <see cref="Encoding"/> instance; thread-safe.</remarks>
    public static Encoding? GetEncoding(string name, EncoderFallback encoderFallback, DecoderFallback decoderFallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, "ascii", StringComparison.OrdinalIgnoreCase))
        {
            name = "utf-8";
        }

        return DetectionEncodings.Find(name) switch
        {
            null => null,
            { Name: "big5" } => new Big5Encoding(encoderFallback, decoderFallback),
            { Encoding.CodePage: int codePage } => StrictCodePages.GetEncoding(codePage, encoderFallback, decoderFallback),
        };
    }

    /// <summary>
    /// Detects the encoding of <paramref name="bytes"/>. Decides from the first <see cref="SampleByteCount"/> bytes and
    /// checks the rest for validity under the leading candidates (so a long input costs one fast pass). Never throws
    /// for any input; the empty input is <c>ascii</c> with confidence 1.
    /// </summary>
    /// <remarks>Allocates the result and, for non-ASCII input, the decoded sample under each candidate. Thread-safe.</remarks>
    public static EncodingDetection Detect(ReadOnlySpan<byte> bytes) => Detect(bytes, complete: true, allowBom: true);

    /// <summary>
    /// Detection over <paramref name="bytes"/>, which are the whole input when <paramref name="complete"/>, else a
    /// prefix (a sequence cut at its end is then not held against a candidate).
    /// </summary>
    internal static EncodingDetection Detect(ReadOnlySpan<byte> bytes, bool complete, bool allowBom)
    {
        if (allowBom && DetectByteOrderMark(bytes) is { } bom)
        {
            return bom;
        }

        if (Utf32Detection.Detect(bytes, complete) is { } wide)
        {
            return wide;
        }

        ReadOnlySpan<byte> sample = Sample(bytes);
        bool hasNul = bytes.Contains((byte)0);
        bool hasControlBytes = hasNul || sample.IndexOfAny(s_controlBytes) >= 0;
        if (!hasNul && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 && bytes.IndexOfAny(s_controlBytes) < 0)
        {
            return Ascii;
        }

        bool validUtf8 = !hasControlBytes && Utf8.IsValid(complete ? bytes : bytes[..CompleteUtf8Length(bytes)]);
        List<CandidateScore> scores = CandidateScorer.ScoreAll(sample, complete: complete && sample.Length == bytes.Length, includeUtf16: true);
        bool partial = sample.Length < bytes.Length;
        scores.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        if (partial && !validUtf8)
        {
            // Beyond the sample, from a line feed (or a pair boundary for UTF-16) so that no sequence is cut.
            int end = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(bytes), ref MemoryMarshal.GetReference(sample)) + sample.Length);
            int lineFeed = bytes[end..].IndexOf((byte)'\n');
            VerifyRest(scores, bytes, lineFeed < 0 ? bytes.Length : (end + lineFeed + 1) & ~1, validUtf8);
        }

        if (validUtf8)
        {
            // Valid UTF-8 without control bytes is UTF-8, however the other decodings read (they stay listed with
            // their confidences). With control bytes it is rather UTF-16 (or binary): the scores decide.
            int utf8 = scores.FindIndex(static score => score.Candidate.Kind == CandidateKind.Utf8);
            CandidateScore first = scores[utf8];
            scores.RemoveAt(utf8);
            scores.Insert(0, first);
        }

        return Rank(scores, hasControlBytes);
    }

    /// <summary>
    /// Detects the encoding of <paramref name="bytes"/> and decodes them with it (without its byte order mark).
    /// Invalid sequences, if the best candidate has any, become U+FFFD.
    /// </summary>
    /// <remarks>Allocates the text and the detection. Thread-safe.</remarks>
    public static string Decode(ReadOnlySpan<byte> bytes, out EncodingDetection detection)
    {
        detection = Detect(bytes);
        return detection.Encoding.GetString(bytes[detection.BomLength..]);
    }

    /// <summary>
    /// Opens a reader that decodes <paramref name="stream"/> with its detected encoding: it decides from the first
    /// bytes (up to <see cref="SampleByteCount"/>), and revises the decision when later bytes contradict it while
    /// everything read so far was ASCII (see <see cref="DetectingTextReader"/>). Never reads the whole stream to decide.
    /// </summary>
    /// <remarks>The reader owns buffers of about 64 KB; it is not thread-safe.</remarks>
    public static DetectingTextReader OpenReader(Stream stream, bool leaveOpen = false) => new(stream, leaveOpen);

    internal static EncodingDetection Ascii { get; } = new(
        [new EncodingCandidate("ascii", DetectionEncodings.Utf8, 1.0)], bomLength: 0, isAscii: true, isBinary: false);

    /// <summary>
    /// The detection a byte order mark at the start of <paramref name="bytes"/> gives on its own, or null when they start
    /// with none: <c>utf-8</c> (EF BB BF), <c>utf-32le</c> (FF FE 00 00, read before UTF-16's FF FE), <c>utf-32be</c>
    /// (00 00 FE FF), <c>utf-16le</c> (FF FE), <c>utf-16be</c> (FE FF), with <see cref="EncodingDetection.BomLength"/>
    /// set. <see cref="Detect(ReadOnlySpan{byte})"/> answers the same for such input; this looks at the first four
    /// bytes only, for a caller that needs the mark (to skip it, or to learn the byte order) and no detection.
    /// </summary>
    /// <remarks>Allocates nothing (one shared instance per mark); thread-safe.</remarks>
    public static EncodingDetection? DetectByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => ByteOrderMarks.Utf8,
        [0xFF, 0xFE, 0, 0, ..] => ByteOrderMarks.Utf32LittleEndian,
        [0, 0, 0xFE, 0xFF, ..] => ByteOrderMarks.Utf32BigEndian,
        [0xFF, 0xFE, ..] => ByteOrderMarks.Utf16LittleEndian,
        [0xFE, 0xFF, ..] => ByteOrderMarks.Utf16BigEndian,
        _ => null,
    };

    /// <summary>
    /// UTF-32 without a byte order mark, told by its structure alone (the test <see cref="Detect(ReadOnlySpan{byte})"/>
    /// makes after the mark, before it scores any candidate): <c>utf-32le</c> or <c>utf-32be</c> when every four bytes
    /// are one Unicode scalar value in that byte order, at least two of them, and at most 5% are controls, unassigned
    /// or private-use code points; null otherwise. With <paramref name="isFinalBlock"/> false, <paramref name="bytes"/>
    /// are a prefix of the input whose last unit may be cut. For a caller that has met NUL bytes and must not take
    /// such text for binary data, at a fraction of the cost of a detection.
    /// </summary>
    /// <remarks>
    /// Stops at the first unit that is no scalar value in either byte order, so other input costs a few bytes; allocates
    /// the result only. Thread-safe.
    /// </remarks>
    public static EncodingDetection? DetectUtf32(ReadOnlySpan<byte> bytes, bool isFinalBlock = true) => Utf32Detection.Detect(bytes, isFinalBlock);

    /// <summary>Adds the invalid sequences of the rest of the input to the leading candidates and re-ranks them.</summary>
    private static void VerifyRest(List<CandidateScore> scores, ReadOnlySpan<byte> bytes, int sampleEnd, bool validUtf8)
    {
        int count = Math.Min(VerifiedCandidates, scores.Count);
        for (int i = 0; i < count; i++)
        {
            CandidateScore score = scores[i];
            if (score.Candidate.Kind == CandidateKind.Utf8)
            {
                score.Invalid += validUtf8 ? 0 : 1;
                continue;
            }

            if (score.Candidate.Kind == CandidateKind.SingleByte && score.Candidate.Name != "windows-1252")
            {
                continue; // every byte is valid
            }

            // The sample's own count is exact (decoded); the rest only needs to show whether the candidate breaks.
            int rest = ValidityScan.CountInvalid(score.Candidate.Name, bytes[sampleEnd..]);
            score.Invalid += rest >= 0 ? rest : CountInvalid(score.Candidate.Encoding, bytes[sampleEnd..]);
            if (i == 0 && score.Invalid == 0)
            {
                break; // the leader stays lossless: nothing below it can overtake it
            }
        }

        scores.Sort(static (a, b) => b.Score.CompareTo(a.Score));
    }

    private static EncodingDetection Rank(List<CandidateScore> scores, bool hasControlBytes)
    {
        double best = scores[0].Score;
        double[] weights = new double[scores.Count];
        double total = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            weights[i] = Math.Exp(Math.Max(scores[i].Score - best, -700));
            total += weights[i];
        }

        var candidates = new EncodingCandidate[scores.Count];
        for (int i = 0; i < scores.Count; i++)
        {
            // A candidate is right when its decoding is the intended text: those that decode alike share their mass.
            double mass = 0;
            for (int j = 0; j < scores.Count; j++)
            {
                if (i == j || scores[i].Text == scores[j].Text)
                {
                    mass += weights[j];
                }
            }

            candidates[i] = new EncodingCandidate(scores[i].Candidate.Name, scores[i].Candidate.Encoding, Math.Round(Math.Min(1, mass / total), 4));
        }

        CandidateScore top = scores[0];
        int length = Math.Max(1, top.Text.Length);
        int odd = top.Odd + top.Invalid;
        bool binary = hasControlBytes && odd >= BinaryMinOdd && (double)odd / length > BinaryOddShare;
        return new EncodingDetection(candidates, bomLength: 0, isAscii: false, isBinary: binary);
    }

    /// <summary>
    /// The bytes to score: the first <see cref="SampleByteCount"/>, unless they are all ASCII (a long English header, say);
    /// then <see cref="SampleByteCount"/> from the start of the line (at an even offset, for UTF-16) with the first
    /// non-ASCII byte, where the candidates differ.
    /// </summary>
    private static ReadOnlySpan<byte> Sample(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= SampleByteCount)
        {
            return bytes;
        }

        int first = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (first < SampleByteCount)
        {
            return bytes[..SampleByteCount];
        }

        int window = first - 256;
        int lineFeed = bytes[window..first].LastIndexOf((byte)'\n');
        int start = (lineFeed < 0 ? window : window + lineFeed + 1) & ~1;
        return bytes.Slice(start, Math.Min(SampleByteCount, bytes.Length - start));
    }

    /// <summary>The length of <paramref name="bytes"/> without a UTF-8 sequence cut at its end.</summary>
    private static int CompleteUtf8Length(ReadOnlySpan<byte> bytes)
    {
        for (int back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            byte b = bytes[^back];
            if (b < 0x80)
            {
                return bytes.Length;
            }

            if (b >= 0xC0)
            {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? bytes.Length - back : bytes.Length;
            }
        }

        return bytes.Length;
    }

    /// <summary>Invalid sequences in the whole of <paramref name="bytes"/> under <paramref name="encoding"/> (one decoding pass, nothing kept).</summary>
    internal static int CountInvalid(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        Decoder decoder = CountingDecoderFallback.CreateDecoder(encoding, out CountingDecoderFallback fallback);
        decoder.GetCharCount(bytes, flush: true);
        return fallback.Count;
    }
}
