using System.IO.Compression;
using System.Text;

namespace TextRepair.Documents;

/// <summary>
/// EPUB and Office documents: zip archives whose text lives in XML parts. The parts are read from the original
/// archive, rewritten as text, and only the parts whose text changed are written back through
/// <see cref="ZipArchiveMode.Update"/>, which copies every other entry's stored bytes as they were and keeps the entry
/// order (so an EPUB's <c>mimetype</c> stays first and stored). An archive with no change is returned as the same
/// array. Stateless.
/// </summary>
internal static class ZipDocument
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Rewrites the text parts of <paramref name="archive"/>; <paramref name="rewrite"/> gets a part's name, its text and its profile (null for XHTML).</summary>
    public static byte[] Rewrite(byte[] archive, DocumentFormat format, Func<string, string, XmlProfile?, string> rewrite)
    {
        var changed = new List<(string Name, byte[] Bytes)>();
        ZipArchive reader;
        try
        {
            reader = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"not a valid {format} file: not a zip archive ({exception.Message})", exception);
        }

        using (reader)
        {
            foreach ((string name, XmlProfile? profile) in ZipParts.Select(reader, format))
            {
                ZipArchiveEntry? entry = reader.GetEntry(name);
                if (entry is null)
                {
                    continue;
                }

                byte[] bytes = Read(entry);
                string text = Decode(bytes, name, out int preamble);
                string result;
                try
                {
                    result = rewrite(name, text, profile);
                }
                catch (InvalidDataException exception)
                {
                    throw new InvalidDataException($"{name}: {exception.Message}", exception);
                }

                if (!ReferenceEquals(result, text))
                {
                    byte[] encoded = new byte[preamble + s_strictUtf8.GetByteCount(result)];
                    bytes.AsSpan(0, preamble).CopyTo(encoded);
                    s_strictUtf8.GetBytes(result, encoded.AsSpan(preamble));
                    changed.Add((name, encoded));
                }
            }
        }

        if (changed.Count == 0)
        {
            return archive;
        }

        var output = new MemoryStream(archive.Length + (archive.Length / 8));
        output.Write(archive);
        using (var writer = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in changed)
            {
                using Stream stream = writer.GetEntry(name)!.Open();
                stream.SetLength(0);
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// A part may inflate to this many bytes whatever its compression ratio: 32 MiB, which costs about 200 MB of
    /// memory as bytes, text and result. The largest part among the 106 of the test documents is 51,981 bytes.
    /// </summary>
    internal const int RatioGraceBytes = 32 << 20;

    /// <summary>
    /// Past <see cref="RatioGraceBytes"/>, a part may inflate to at most 100 times its compressed size (Apache POI's
    /// zip-bomb rule, MIN_INFLATE_RATIO 0.01). Measured: the test documents' parts reach 32:1 (a DOCX numbering.xml), a
    /// generated sheet of 200,000 rows of empty styled cells 62:1; a zip bomb 1,000:1 (session 12: a 1.5 MB DOCX whose
    /// document.xml inflates to 1.5 GB ran out of memory after 5.6 s and 3.1 GB).
    /// </summary>
    internal const int MaxInflateRatio = 100;

    /// <summary>No part may inflate past 1 GiB: its text could not be held in one .NET string.</summary>
    internal const int MaxPartBytes = 1 << 30;

    /// <summary>
    /// Inflates one entry, refusing a zip bomb (see <see cref="MaxInflateRatio"/>) before it fills the memory: the
    /// memory used is at most about <see cref="RatioGraceBytes"/> or 100 times the archive's size.
    /// </summary>
    public static byte[] Read(ZipArchiveEntry entry)
    {
        long limit = Math.Min(MaxPartBytes, Math.Max(RatioGraceBytes, entry.CompressedLength * MaxInflateRatio));
        using var buffer = new MemoryStream(entry.Length is > 0 and < RatioGraceBytes ? (int)entry.Length : 4096);
        bool tooLarge = false;
        try
        {
            using Stream stream = entry.Open();
            byte[] chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    tooLarge = true;
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"{entry.FullName}: corrupt zip entry ({exception.Message})", exception);
        }

        if (tooLarge)
        {
            throw new InvalidDataException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{entry.FullName}: inflates to more than {limit:N0} bytes from {entry.CompressedLength:N0} compressed bytes (a zip bomb, or a part too large to process)"));
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a UTF-8 part (with or without a byte order mark); other encodings are reported.</summary>
    private static string Decode(byte[] bytes, string name, out int preamble)
    {
        preamble = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new InvalidDataException($"{name}: UTF-16 parts are not supported");
        }

        try
        {
            return s_strictUtf8.GetString(bytes, preamble, bytes.Length - preamble);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidDataException($"{name}: not valid UTF-8 ({exception.Message})", exception);
        }
    }
}
