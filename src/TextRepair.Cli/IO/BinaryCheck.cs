using System.Globalization;
using System.Text;

namespace TextRepair.Cli.IO;

/// <summary>Tells binary files from text by their first block, as grep and rg do.</summary>
internal static class BinaryCheck
{
    /// <summary>How much of a file is looked at (rg and git look at the first 8 KiB too).</summary>
    private const int SampleSize = 8192;

    /// <summary>
    /// Above this share of control bytes (other than tab, line feed, vertical tab, form feed, carriage return and
    /// escape) a file is not text. Measured on this repository's 197 text files (.cs, .md, .txt, .json, .sh, .py):
    /// 0 such bytes; random and gzip data: 10.7% and 12.5% (with NUL bytes too); none of 300 ELF files in /usr/bin
    /// lacks a NUL byte in its first block. 5% sits between, far from both.
    /// </summary>
    private const double MaxControlShare = 0.05;

    /// <summary>Why the file looks binary, or null when it looks like text (or cannot be read: the run reports that).</summary>
    public static string? Why(string path, int codePage)
    {
        byte[] sample = new byte[SampleSize];
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        ReadOnlySpan<byte> data = sample.AsSpan(0, length);
        // A UTF-16 or UTF-32 byte order mark is text: the run decodes it or refuses it with an error naming the
        // encoding. 00 00 FE FF was taken for binary by its NUL bytes and skipped, exit 0 (session 30).
        if (Commands.EncodingNames.IsWide(codePage)
            || (EncodingDetector.DetectByteOrderMark(data) is { } mark && Commands.EncodingNames.IsWide(mark.Encoding.CodePage)))
        {
            return null;
        }

        int nul = data.IndexOf((byte)0);
        if (nul >= 0)
        {
            RefuseWideText(path, data, codePage);
            return string.Create(CultureInfo.InvariantCulture, $"NUL byte at offset {nul}");
        }

        int control = 0;
        foreach (byte b in data)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or 0x0B or 0x0C or (byte)'\r' or 0x1B))
            {
                control++;
            }
        }

        return length > 0 && control > length * MaxControlShare
            ? string.Create(CultureInfo.InvariantCulture, $"{control} control bytes in the first {length}")
            : null;
    }

    /// <summary>
    /// UTF-32 and UTF-16 without a byte order mark have NUL bytes (UTF-32 in every character, UTF-16 in every ASCII
    /// one), but they are text: skipped as binary with a note, exit code 0, their text was silently left out of the run
    /// (UTF-32 until session 31, UTF-16 until session 32). The walk stops, naming the file and the option that reads
    /// it, before anything is processed, as it does for a file name it cannot open. UTF-32 is told by its structure
    /// (every four bytes one Unicode scalar value, few controls); UTF-16 by the detector, as <c>--encoding auto</c>
    /// reads it, and only where the NUL bytes allow it (see <see cref="HighByteOrder"/>).
    /// </summary>
    private static void RefuseWideText(string path, ReadOnlySpan<byte> sample, int codePage)
    {
        bool complete = sample.Length < SampleSize;

        // The structure test alone: a whole detection scores every candidate, 8 ms for each binary file of a walk (session 31).
        EncodingDetection? detection = EncodingDetector.DetectUtf32(sample, isFinalBlock: complete);
        if (detection is null && HighByteOrder(sample) is { } name)
        {
            // Whole code units only: the sample of a longer file is cut anywhere.
            EncodingDetection utf16 = EncodingDetector.Detect(complete ? sample : sample[..(sample.Length & ~1)]);
            detection = !utf16.IsBinary && utf16.Name == name ? utf16 : null;
        }

        if (detection is not null)
        {
            string read = codePage == 65001 ? "UTF-8" : Commands.EncodingNames.Display(Encoding.GetEncoding(codePage));
            throw new CliException(
                $"{path}: this file is {detection.Name.ToUpperInvariant()} text without a byte order mark; it is not {read} (use --encoding {detection.Name}, or --encoding auto)");
        }
    }

    /// <summary>
    /// The UTF-16 byte order in which every NUL byte is the high byte of its code unit (one below U+0100, as ASCII is in
    /// UTF-16 text): utf-16be when all are at even offsets, utf-16le when all are at odd ones; null when they are on
    /// both sides. Binary files have them on both (the ELF header has NUL bytes at offsets 7 and 8), so the detection
    /// that costs 8 ms runs for text-like samples only; and the detector's byte order must agree: four bytes
    /// <c>50 00 01 02</c> read as UTF-16BE 倀Ă (NUL a low byte) are not taken for text.
    /// </summary>
    private static string? HighByteOrder(ReadOnlySpan<byte> sample)
    {
        bool even = false;
        bool odd = false;
        for (int i = sample.IndexOf((byte)0); i >= 0 && i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                even |= (i & 1) == 0;
                odd |= (i & 1) == 1;
            }
        }

        return (even, odd) switch
        {
            (true, false) => "utf-16be",
            (false, true) => "utf-16le",
            _ => null,
        };
    }
}
