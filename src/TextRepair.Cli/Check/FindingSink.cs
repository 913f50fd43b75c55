using System.Buffers;
using System.Text.Json;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Check;

/// <summary>How <c>textrepair check</c> writes its findings.</summary>
internal enum FindingFormat
{
    /// <summary><c>file:line:column: rule-id: message (suggestion: X)</c> lines.</summary>
    Text,

    /// <summary>One JSON object per finding (<c>--json</c>).</summary>
    JsonLines,

    /// <summary>One SARIF 2.1.0 log (<c>--sarif</c>).</summary>
    Sarif,

    /// <summary>A baseline file (<c>--write-baseline</c>).</summary>
    Baseline,
}

/// <summary>
/// Where the findings of a check go, in file order, as they are found: text lines or JSON Lines on standard output, a
/// SARIF log on standard output, or a baseline file. The findings a <c>--baseline</c> lists are dropped here, in that
/// order (a fingerprint listed n times suppresses its first n findings). Not thread-safe: the writing side of a check
/// owns it. Without a baseline to apply, text lines and JSON Lines do not depend on the findings before them, so the
/// workers of a streamed check format their blocks themselves (<see cref="FormatBlock"/>) and the sink only copies the
/// bytes (<see cref="WriteFormatted"/>).
/// </summary>
internal sealed class FindingSink : IDisposable
{
    private readonly FindingFormat _format;
    private readonly Baseline? _known;
    private readonly OutputTarget? _file;
    private readonly Stream _output;
    private Utf8JsonWriter? _document;
    private readonly ArrayBufferWriter<byte> _scratch = new();
    private Utf8JsonWriter? _lineWriter;

    private FindingSink(FindingFormat format, Baseline? known, OutputTarget? file, Stream output)
    {
        _format = format;
        _known = known;
        _file = file;
        _output = output;
        _document = format switch
        {
            FindingFormat.Sarif => CheckOutput.BeginSarif(output),
            FindingFormat.Baseline => Baseline.Begin(output),
            _ => null,
        };
    }

    /// <summary>Findings written so far (after the baseline's suppressions).</summary>
    public int Count { get; private set; }

    /// <summary>The format findings are written in.</summary>
    public FindingFormat Format => _format;

    /// <summary>The format a block's findings may be written in apart from the others (<see cref="FormatBlock"/>), or null.</summary>
    public FindingFormat? BlockFormat => BlockFormatOf(_format, _known is not null);

    /// <summary>True when writing a finding reads its fingerprint (anything but plain text lines without a baseline).</summary>
    public bool NeedsFingerprints => NeedsFingerprintsOf(_format, _known is not null);

    /// <summary>
    /// <see cref="BlockFormat"/> of a sink writing <paramref name="format"/>, with or without a baseline to apply: text
    /// lines and JSON Lines without a baseline do not depend on the findings before them.
    /// </summary>
    public static FindingFormat? BlockFormatOf(FindingFormat format, bool baseline) =>
        !baseline && format is FindingFormat.Text or FindingFormat.JsonLines ? format : null;

    /// <summary><see cref="NeedsFingerprints"/> of a sink writing <paramref name="format"/>, with or without a baseline.</summary>
    public static bool NeedsFingerprintsOf(FindingFormat format, bool baseline) => baseline || format != FindingFormat.Text;

    /// <summary>
    /// Writes to standard output (buffered) in <paramref name="format"/>, dropping what <paramref name="known"/> lists.
    /// Through the tool's own descriptor stream: the console stream ignores a closed pipe (a check piped into
    /// <c>head</c> went on to its end and exited 1, session 12); this one stops it, exit 141, as the other commands.
    /// </summary>
    public static FindingSink ToStandardOutput(FindingFormat format, Baseline? known)
    {
        OutputTarget target = OutputTarget.StandardOutput();
        return new FindingSink(format, known, target, new BufferedStream(target.Stream, 1 << 16));
    }

    /// <summary>Writes to <paramref name="output"/> (which the sink disposes) in <paramref name="format"/>.</summary>
    public static FindingSink ToStream(Stream output, FindingFormat format, Baseline? known) => new(format, known, null, output);

    /// <summary>Writes a baseline file to <paramref name="path"/>, atomically on <see cref="Complete"/>.</summary>
    public static FindingSink ToBaselineFile(string path, Baseline? known)
    {
        OutputTarget target = OutputTarget.ForOutput(path);
        return new FindingSink(FindingFormat.Baseline, known, target, new BufferedStream(target.Stream, 1 << 16));
    }

    /// <summary>
    /// Formats <paramref name="findings"/> into <paramref name="output"/> as the sink would write them, for
    /// <see cref="WriteFormatted"/>. Thread-safe (for <see cref="FindingFormat.Text"/> and <see cref="FindingFormat.JsonLines"/>).
    /// </summary>
    public static void FormatBlock(FindingFormat format, List<CheckFinding> findings, ArrayBufferWriter<byte> output)
    {
        if (format == FindingFormat.JsonLines)
        {
            using Utf8JsonWriter writer = CheckOutput.JsonLineWriter();
            foreach (CheckFinding f in findings)
            {
                CheckOutput.WriteJsonLine(writer, output, f);
            }

            return;
        }

        foreach (CheckFinding f in findings)
        {
            CheckOutput.WriteTextLine(output, f);
        }
    }

    /// <summary>Writes findings formatted by <see cref="FormatBlock"/>; <paramref name="count"/> is how many they are.</summary>
    public void WriteFormatted(ReadOnlySpan<byte> bytes, int count)
    {
        _output.Write(bytes);
        Count += count;
    }

    /// <summary>Writes <paramref name="findings"/> in order, except those the baseline suppresses.</summary>
    public void Write(IEnumerable<CheckFinding> findings)
    {
        foreach (CheckFinding f in findings)
        {
            if (_known is not null && _known.Suppresses(f))
            {
                continue;
            }

            Count++;
            switch (_format)
            {
                case FindingFormat.Sarif:
                    CheckOutput.WriteSarifResult(_document!, f);
                    break;
                case FindingFormat.Baseline:
                    Baseline.WriteItem(_document!, f);
                    break;
                case FindingFormat.JsonLines:
                    CheckOutput.WriteJsonLine(_lineWriter ??= CheckOutput.JsonLineWriter(), _scratch, f);
                    break;
                default:
                    CheckOutput.WriteTextLine(_scratch, f);
                    break;
            }
        }

        // The document writers keep what they write until flushed: flushing after each batch bounds their buffer.
        _document?.Flush();
        _output.Write(_scratch.WrittenSpan);
        _scratch.ResetWrittenCount();
    }

    /// <summary>Ends the output (closes the SARIF log or the baseline file, which is then committed) and flushes it.</summary>
    public void Complete()
    {
        if (_format == FindingFormat.Sarif)
        {
            CheckOutput.EndSarif(_document!, _output);
        }
        else if (_format == FindingFormat.Baseline)
        {
            Baseline.End(_document!, _output);
        }

        // Disposing a JSON writer flushes it, which the committed file could no longer take.
        _document?.Dispose();
        _document = null;
        _output.Flush();
        _file?.Commit();
    }

    /// <summary>
    /// Releases the writers; a baseline file not completed is not written. Output not completed is left as it is:
    /// after a failure (a closed pipe, a full device) flushing it again would only fail again.
    /// </summary>
    public void Dispose()
    {
        _lineWriter?.Dispose();
        if (_file is null)
        {
            _document?.Dispose();
            _output.Dispose();
        }
        else
        {
            _file.Dispose();
        }
    }
}
