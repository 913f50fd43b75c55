using System.Text;
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
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
                && StreamedCheck.Survey(new MemoryStream(bytes, writable: false)) is { Valid: true, HasControls: false })
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
            found = StreamedCheck.Survey(stream);
        }

        // Invalid UTF-8: the whole-file decoder names the offending byte, as before streaming.
        return found.Valid
            ? new CheckInput(path, null, null, whole: found.HasControls)
            : new CheckInput(path, ScanWhole(path, ReadBytes(path), job), null, whole: true);
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
        try
        {
            stream.Seek(offset, SeekOrigin.Begin);

            // The survey skips a BOM at its start; U+FEFF at a line start is valid UTF-8 either way.
            return StreamedCheck.Survey(stream) is { Valid: true, HasControls: false };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {exception.Message}");
        }
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
            started.Finish(sink, () => Decode(ReadBytes(_path), _display).Text);
        }
        else
        {
            using Stream input = _standardInput is null ? OpenRead(_path) : new MemoryStream(_standardInput, writable: false);
            StreamedCheck.Check(input, _display, job, sink, () => Decode(_standardInput ?? ReadBytes(_path), _display).Text);
        }
    }

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

    /// <summary>The bytes of a file, or of standard input for <c>-</c>.</summary>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                InputSource.OpenStandardInput().CopyTo(buffer);
                return buffer.ToArray();
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {exception.Message}");
        }
    }

    /// <summary>The text of UTF-8 <paramref name="bytes"/> (a BOM is dropped and reported).</summary>
    /// <exception cref="CliException">Not valid UTF-8 (the message names the offending byte).</exception>
    public static (string Text, bool Bom) Decode(byte[] bytes, string display)
    {
        bool bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (Utf8Text.TryDecode(bytes, bom ? 3 : 0) is { } text)
        {
            return (text, bom);
        }

        // Not valid UTF-8: the throwing decoder names the offending byte.
        try
        {
            return (s_strictUtf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)), bom);
        }
        catch (DecoderFallbackException exception)
        {
            throw new CliException($"{display}: not valid UTF-8 (byte offset {exception.Index})");
        }
    }

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {exception.Message}");
        }
    }

    /// <summary>Opens <paramref name="path"/> for reading in blocks (unbuffered, sequential).</summary>
    /// <exception cref="CliException">It cannot be opened.</exception>
    public static FileStream OpenRead(string path)
    {
        try
        {
            // Unbuffered: LineBlocks reads in blocks of its own.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: {exception.Message}");
        }
    }
}
