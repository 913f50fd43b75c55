namespace TextRepair.Analysis.Detection;

/// <summary>
/// The detection each byte order mark gives (<see cref="EncodingDetector.DetectByteOrderMark"/>): one immutable
/// instance per mark, shared. The one table of marks: the tool skips, refuses and sniffs marks through it, so the
/// library and the tool cannot disagree on what a mark is (session 31: the tool had three copies of the table).
/// </summary>
internal static class ByteOrderMarks
{
    public static EncodingDetection Utf8 { get; } = Create("utf-8", 3);

    public static EncodingDetection Utf16LittleEndian { get; } = Create("utf-16le", 2);

    public static EncodingDetection Utf16BigEndian { get; } = Create("utf-16be", 2);

    public static EncodingDetection Utf32LittleEndian { get; } = Create("utf-32le", 4);

    public static EncodingDetection Utf32BigEndian { get; } = Create("utf-32be", 4);

    private static EncodingDetection Create(string name, int length)
    {
        DetectionEncoding candidate = DetectionEncodings.Find(name)!;
        return new EncodingDetection([new EncodingCandidate(candidate.Name, candidate.Encoding, 1.0)], length, isAscii: false, isBinary: false);
    }
}
