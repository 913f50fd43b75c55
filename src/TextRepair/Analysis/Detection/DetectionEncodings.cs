using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>The kinds of candidate, which decide how the detector checks and scores them.</summary>
internal enum CandidateKind
{
    /// <summary>UTF-8 (decided by validity, never by the language model alone).</summary>
    Utf8,

    /// <summary>UTF-16, either byte order.</summary>
    Utf16,

    /// <summary>An ASCII-compatible multi-byte encoding (GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR).</summary>
    MultiByte,

    /// <summary>An ASCII-compatible single-byte encoding (Windows-125x, ISO-8859-1).</summary>
    SingleByte,

    /// <summary>UTF-32, either byte order: decided by its structure (see <see cref="Utf32Detection"/>), never scored.</summary>
    Utf32,
}

/// <summary>One candidate encoding: its name, its decoder, and its prior (a log-probability added to its score).</summary>
internal sealed record DetectionEncoding(string Name, CandidateKind Kind, Encoding Encoding, double Prior);

/// <summary>The candidate encodings, in the order that breaks ties. Built once; immutable; thread-safe.</summary>
internal static class DetectionEncodings
{
    // Priors, in nats, added to a candidate's log-likelihood. They only matter where the bytes decode to text of
    // similar plausibility under several encodings (tiny inputs) or to the very same text (then the first in this
    // table wins). Set by hand and checked on the development half of the evaluation set (tools/EncodingEval score dev,
    // docs/encoding-detection.md): Chinese first, as this library is for Chinese text; Windows-1252 before the other
    // single-byte code pages, as the WHATWG standard reads ISO-8859-1 labels as Windows-1252.
    private const double ChinesePrior = 0;
    private const double OtherCjkPrior = -1.0;
    private const double Windows1252Prior = -0.5;
    private const double OtherSingleBytePrior = -1.5;
    private const double Utf16Prior = -2.0;

    private static readonly Lazy<DetectionEncoding[]> s_all = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All candidates the scorer weighs; UTF-8 first.</summary>
    public static DetectionEncoding[] All => s_all.Value;

    /// <summary>UTF-32LE and UTF-32BE: answered by their byte order mark or their structure, not scored (<see cref="Utf32Detection"/>).</summary>
    public static DetectionEncoding[] Utf32 { get; } =
    [
        new("utf-32le", CandidateKind.Utf32, new UTF32Encoding(bigEndian: false, byteOrderMark: false), 0),
        new("utf-32be", CandidateKind.Utf32, new UTF32Encoding(bigEndian: true, byteOrderMark: false), 0),
    ];

    /// <summary>UTF-8 without a byte order mark in its preamble.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The candidate named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DetectionEncoding? Find(string name)
    {
        foreach (DetectionEncoding candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        foreach (DetectionEncoding candidate in Utf32)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The decoder fallback of every candidate: one U+FFFD per invalid sequence.</summary>
    internal static DecoderFallback ReplacementCharacter { get; } = new DecoderReplacementFallback("\uFFFD");

    /// <summary>A code page from the framework's <see cref="CodePagesEncodingProvider"/>, without registering it globally.</summary>
    public static Encoding CodePage(int codePage, EncoderFallback encoderFallback, DecoderFallback decoderFallback) =>
        CodePagesEncodingProvider.Instance.GetEncoding(codePage, encoderFallback, decoderFallback)
        ?? throw new InvalidOperationException($"Code page {codePage} is not available.");

    private static DetectionEncoding[] Create()
    {
        // Invalid input decodes to U+FFFD, as UTF-8's decoder does: the framework's replacement fallback writes '?',
        // which cannot be told from a question mark the writer wrote.
        // Shift_JIS is Windows' code page 932 with the rows the framework's table lacks (Cp932Encoding).
        Encoding Legacy(int codePage) => StrictCodePages.GetEncoding(codePage, EncoderFallback.ReplacementFallback, ReplacementCharacter);
        return
        [
            new("utf-8", CandidateKind.Utf8, Utf8, 0),
            new("gb18030", CandidateKind.MultiByte, Legacy(54936), ChinesePrior),
            new("big5", CandidateKind.MultiByte, new Big5Encoding(EncoderFallback.ReplacementFallback, ReplacementCharacter), ChinesePrior),
            new("shift_jis", CandidateKind.MultiByte, Legacy(932), OtherCjkPrior),
            new("euc-jp", CandidateKind.MultiByte, Legacy(51932), OtherCjkPrior),

            // WHATWG's euc-kr is Windows code page 949 (Unified Hangul Code), a superset of EUC-KR (51949).
            new("euc-kr", CandidateKind.MultiByte, Legacy(949), OtherCjkPrior),
            new("windows-1252", CandidateKind.SingleByte, Legacy(1252), Windows1252Prior),
            new("iso-8859-1", CandidateKind.SingleByte, Encoding.Latin1, Windows1252Prior - 0.1),
            new("windows-1251", CandidateKind.SingleByte, Legacy(1251), OtherSingleBytePrior),
            new("windows-1250", CandidateKind.SingleByte, Legacy(1250), OtherSingleBytePrior),
            new("utf-16le", CandidateKind.Utf16, new UnicodeEncoding(bigEndian: false, byteOrderMark: false), Utf16Prior),
            new("utf-16be", CandidateKind.Utf16, new UnicodeEncoding(bigEndian: true, byteOrderMark: false), Utf16Prior),
        ];
    }
}
