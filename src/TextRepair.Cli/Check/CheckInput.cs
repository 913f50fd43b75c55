using TextRepair.Cli.IO;

namespace TextRepair.Cli.Check;

/// <summary>
/// One input of a check, prepared before any finding is written, so that bad input (a missing or unreadable file,
/// invalid UTF-8, a localisation file that does not parse) stops the check with nothing written and the first bad input
/// named, as when every file was read whole first. Localisation files and plain text up to
/// <see cref="StreamedCheck.MinStreamedBytes"/> are read and scanned at once and their findings kept; larger plain text
/// is only surveyed (<see cref="StreamedCheck.Survey"/>: one read, nothing kept) and streamed when its turn comes.
/// </summary>
internal sealed class CheckInput
{
    private readonly string _path;
    private readonly string _display;
    private readonly List<CheckFinding>? _findings;
    private readonly byte[]? _standardInput;
    private readonly bool _whole;

    private CheckInput(string path, List<CheckFinding>? findings, byte[]? standardInput, bool whole)
    {
        _path = path;
        _display = DisplayName(path);
        _findings = findings;
        _standardInput = standardInput;
        _whole = whole;
    }

    /// <summary>Reads or surveys <paramref name="path"/> (<c>-</c>: standard input, read whole).</summary>
    /// <exception cref="CliException">The input cannot be read, is not UTF-8 or does not parse as its format.</exception>
    public static CheckInput Prepare(string path, CheckJob job)
    {
        if (path == "-")
        {
            // Read whole either way (a pipe cannot be read twice); streamed from memory when large.
            byte[] bytes = ReadBytes(path);
            if (bytes.Length > StreamedCheck.MinStreamedBytes
                && StreamedCheck.Survey(new MemoryStream(bytes, writable: false), "<stdin>") is { Valid: true, HasControls: false })
            {
                return new CheckInput(path, null, bytes, whole: false);
            }

            return new CheckInput(path, ScanWhole(path, bytes, job), null, whole: true);
        }

        if (!LocalizationText.IsPlainText(path) || Length(path) <= StreamedCheck.MinStreamedBytes)
        {
            return new CheckInput(path, ScanWhole(path, ReadBytes(path), job), null, whole: true);
        }

        StreamedCheck.InputSurvey found;
        using (Stream stream = OpenRead(path))
        {
            found = Read(path, () => StreamedCheck.Survey(stream, path));
        }

        if (!found.Valid)
        {
            throw new CliException(InvalidMessage(path, found.OtherBom, found.InvalidAt));
        }

        if (found.HasControls && Length(path) > MaxWholeBytes)
        {
            throw TooLargeWhole(path, "it holds control characters, so it is checked whole");
        }

        return new CheckInput(path, null, null, whole: found.HasControls);
    }

    /// <summary>True when the input is a file streamed in blocks (the one a <see cref="HeadStart"/> may have started).</summary>
    public bool IsStreamedFile => _findings is null && !_whole && _standardInput is null;

    /// <summary>
    /// True when <see cref="Prepare"/> only surveys <paramref name="path"/>: a plain-text file (not standard input) larger
    /// than <see cref="StreamedCheck.MinStreamedBytes"/>. False when its length cannot be read (preparing it reports why).
    /// </summary>
    public static bool IsSurveyed(string path)
    {
        try
        {
            return path != "-" && LocalizationText.IsPlainText(path) && Length(path) > StreamedCheck.MinStreamedBytes;
        }
        catch (CliException)
        {
            return false;
        }
    }

    /// <summary>A large plain-text file validated already (<see cref="HeadStart"/>): streamed when its turn comes.</summary>
    public static CheckInput Streamed(string path) => new(path, null, null, whole: false);

    /// <summary>
    /// True when <paramref name="path"/> from byte <paramref name="offset"/> on (a line start) is valid UTF-8 without C0
    /// controls other than tab and line breaks (<see cref="StreamedCheck.Survey"/> of the rest of the file).
    /// </summary>
    /// <exception cref="CliException">The file cannot be read.</exception>
    public static bool IsValidFrom(string path, long offset)
    {
        using FileStream stream = OpenRead(path);
        return Read(path, () =>
        {
            stream.Seek(offset, SeekOrigin.Begin);

            // The survey skips a BOM at its start; U+FEFF at a line start is valid UTF-8 either way.
            return StreamedCheck.Survey(stream, path) is { Valid: true, HasControls: false };
        });
    }

    /// <summary>
    /// Writes the input's findings to <paramref name="sink"/> (streaming the input when it was only surveyed;
    /// <paramref name="started"/>: its blocks started already by a <see cref="HeadStart"/>, for a streamed file).
    /// </summary>
    public void Check(CheckJob job, FindingSink sink, BlockPipeline? started = null)
    {
        if (_findings is not null)
        {
            sink.Write(_findings);
        }
        else if (_whole)
        {
            sink.Write(ScanWhole(_path, ReadBytes(_path), job));
        }
        else if (started is not null && IsStreamedFile)
        {
            started.Finish(sink, () => Decode(ReadBytes(_path, what: WholeTextReason), _display).Text);
        }
        else
        {
            using Stream input = _standardInput is null ? OpenRead(_path) : new MemoryStream(_standardInput, writable: false);
            StreamedCheck.Check(input, _display, job, sink, () => Decode(_standardInput ?? ReadBytes(_path, what: WholeTextReason), _display).Text);
        }
    }

    // Why a streamed file is read whole after all (see StreamedCheck).
    private const string WholeTextReason = "pinyin annotations or encoding damage were found, which are decided on the whole text";

    /// <summary>The findings of the whole input, by its format, without the rules turned off.</summary>
    public static List<CheckFinding> ScanWhole(string path, byte[] bytes, CheckJob job)
    {
        string display = DisplayName(path);
        string file = Decode(bytes, display).Text;
        LocalizationText text;
        try
        {
            text = LocalizationText.From(path == "-" ? "stdin.txt" : path, file);
        }
        catch (FormatException exception)
        {
            throw new CliException($"{display}: {exception.Message}");
        }

        List<CheckFinding> findings = CheckScanner.Scan(display, file, text, job.Expected, job.Tag);
        findings.RemoveAll(f => job.Disabled.Contains(f.Rule.Id));
        return findings;
    }

    /// <summary>The name findings carry: the path, or <c>&lt;stdin&gt;</c>.</summary>
    public static string DisplayName(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>
    /// The most bytes an input is read whole (a localisation file, a file with control characters, a pipe, a device,
    /// standard input, or a large file when a block's findings need the whole text): the longest .NET string is
    /// 1,073,741,791 characters, and UTF-8 never decodes to more UTF-16 units than it has bytes, so a file within this
    /// limit always fits. Past it a read whole would fail with .NET's OutOfMemoryException ("Array dimensions exceeded
    /// supported range" from <c>/dev/zero</c>, session 12); it is refused, named, instead.
    /// </summary>
    public const int MaxWholeBytes = 0x3FFFFFDF;

    /// <summary>
    /// The bytes of a file, or of standard input for <c>-</c>, at most <paramref name="limit"/> of them (a test seam;
    /// <see cref="MaxWholeBytes"/>).
    /// </summary>
    /// <exception cref="UnreadableInputException">The file cannot be opened or read.</exception>
    /// <exception cref="CliException">Standard input is closed or a directory; the input is larger than the limit.</exception>
    public static byte[] ReadBytes(string path, int limit = MaxWholeBytes, string? what = null)
    {
        Stream stream = path == "-" ? InputSource.OpenStandardInput() : OpenRead(path);
        using (stream)
        {
            return Read(path, () =>
            {
                if (stream.CanSeek && stream.Length > limit)
                {
                    throw TooLargeWhole(path, what, limit);
                }

                // A pipe, a device (/dev/zero) or standard input: read up to the limit, never more.
                using var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 0);
                byte[] chunk = new byte[1 << 16];
                int read;
                while ((read = stream.Read(chunk)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw TooLargeWhole(path, what, limit);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
            });
        }
    }

    /// <summary>The text of UTF-8 <paramref name="bytes"/> (a BOM is dropped and reported).</summary>
    /// <exception cref="CliException">Not valid UTF-8 (the message names the offending byte, or the foreign BOM).</exception>
    public static (string Text, bool Bom) Decode(byte[] bytes, string display)
    {
        bool bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (Utf8Text.TryDecode(bytes, bom ? 3 : 0) is { } text)
        {
            return (text, bom);
        }

        throw new CliException(InvalidMessage(display, StreamedCheck.OtherBom(bytes), StreamedCheck.FirstInvalid(bytes.AsSpan(bom ? 3 : 0)) + (bom ? 3 : 0)));
    }

    /// <summary>The message for input that is not UTF-8: the BOM of another encoding, or the first invalid byte.</summary>
    public static string InvalidMessage(string display, string? otherBom, long offset) => otherBom is null
        ? $"{display}: not valid UTF-8 (byte offset {offset})"
        : $"{display}: this file has a {otherBom} BOM; check reads UTF-8 only (convert it first, e.g. iconv -f {otherBom} -t UTF-8)";

    // what: the reason it is read whole, or what it is (a baseline).
    private static CliException TooLargeWhole(string path, string? what, long limit = MaxWholeBytes) => new(
        $"{DisplayName(path)}: more than {limit:N0} bytes: too large to read whole{(what is null ? string.Empty : $" ({what})")}; split it"
        + (path == "-" ? ", or check it as a file (large plain-text files are streamed)" : string.Empty));

    private static long Length(string path) => Read(path, () => new FileInfo(path).Length);

    /// <summary>Opens <paramref name="path"/> for reading in blocks (unbuffered, sequential).</summary>
    /// <exception cref="UnreadableInputException">It cannot be opened.</exception>
    public static FileStream OpenRead(string path) =>
        // Unbuffered: LineBlocks reads in blocks of its own.
        Read(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan));

    // Runs a read of the file at path; its I/O failures become UnreadableInputExceptions in the system's words.
    private static T Read<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (IoErrors.Describe(exception) is { } description)
        {
            throw new UnreadableInputException($"{DisplayName(path)}: {description}");
        }
    }
}
