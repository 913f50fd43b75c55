using System.Globalization;
using System.Text;
using System.Text.Json;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Jsonl;

/// <summary>
/// Processes a block of JSON Lines: in each line (a JSON object) the string field is replaced by the processed text;
/// every other byte of the line, the line ending included, is copied as it was. A line whose text does not change is
/// copied unchanged. A line on which the library throws is copied unchanged too (with <c>"error"</c> in its report) and
/// listed in <see cref="BlockResult.Faults"/>: one bad record never stops a corpus. Immutable and thread-safe; one
/// instance serves all worker threads.
/// </summary>
internal sealed class JsonLinesProcessor
{
    private static ReadOnlySpan<byte> ReportField => "textrepair"u8;

    private readonly DocumentProcessor _processor;
    private readonly byte[] _field;
    private readonly bool _report;
    private readonly bool _skipInvalid;

    public JsonLinesProcessor(DocumentProcessor processor, string field, bool report, bool skipInvalid)
    {
        _processor = processor;
        _field = Encoding.UTF8.GetBytes(field);
        _report = report;
        _skipInvalid = skipInvalid;
    }

    /// <summary>
    /// Processes the lines of <paramref name="data"/> (valid UTF-8) into <paramref name="output"/>. Stops at the first
    /// malformed line unless invalid lines are skipped; <see cref="BlockResult.Error"/> then says why.
    /// </summary>
    public BlockResult ProcessBlock(ReadOnlySpan<byte> data, PooledBuffer output, RunStats stats, int inputLength)
    {
        int lines = 0;
        List<RecordFault>? faults = null;
        while (!data.IsEmpty)
        {
            int lineFeed = data.IndexOf((byte)'\n');
            int end = lineFeed < 0 ? data.Length : lineFeed;
            int contentEnd = end > 0 && data[end - 1] == (byte)'\r' ? end - 1 : end;
            ReadOnlySpan<byte> line = data[..contentEnd];
            string? error;
            try
            {
                error = ProcessLine(line, output, stats, lines, ref faults);
            }
            catch (Exception exception)
            {
                // A failure of the tool itself (not of the library on this record): report where, and stop.
                return new BlockResult(output, stats, inputLength, lines) { Failure = exception, Faults = faults };
            }

            if (error is not null)
            {
                if (!_skipInvalid)
                {
                    return new BlockResult(output, stats, inputLength, lines) { Error = error, Faults = faults };
                }

                stats.SkippedInvalid++;
                output.Write(line);
            }

            output.Write(data[contentEnd..(lineFeed < 0 ? data.Length : lineFeed + 1)]);
            lines++;
            data = lineFeed < 0 ? [] : data[(lineFeed + 1)..];
        }

        return new BlockResult(output, stats, inputLength, lines) { Faults = faults };
    }

    // A key whose escapes spell invalid UTF-16 (a lone surrogate: "\uDDDD") is no key we look for; the reader throws
    // InvalidOperationException, not JsonException, when it compares one (found by the jsonl fuzz harness, session 7).
    private static bool KeyEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes the processed line, or returns why it is not a JSON object (writing nothing).</summary>
    private string? ProcessLine(ReadOnlySpan<byte> line, PooledBuffer output, RunStats stats, int lineIndex, ref List<RecordFault>? faults)
    {
        if (line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            // Blank lines carry no document; keep them so that line numbers stay aligned.
            output.Write(line);
            return null;
        }

        int valueStart = -1;
        int valueEnd = -1;
        bool valueEscaped = false;
        int reportStart = -1;
        int reportEnd = -1;
        int objectEnd = -1;
        bool hasProperties = false;
        try
        {
            var reader = new Utf8JsonReader(line, JsonText.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    objectEnd = (int)reader.TokenStartIndex;
                    break;
                }

                hasProperties = true;
                // A key given twice: the last value wins, as in Python's json and JavaScript's JSON.parse.
                bool isField = KeyEquals(ref reader, _field);
                bool isReport = _report && KeyEquals(ref reader, ReportField);
                reader.Read();
                if (isField)
                {
                    bool isString = reader.TokenType == JsonTokenType.String;
                    valueStart = isString ? (int)reader.TokenStartIndex : -1;
                    valueEnd = isString ? (int)reader.BytesConsumed : -1;
                    valueEscaped = isString && reader.ValueIsEscaped;
                }

                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (isReport)
                {
                    reportStart = start;
                    reportEnd = (int)reader.BytesConsumed;
                }
            }

            // Anything but whitespace after the object makes the reader throw.
            reader.Read();
        }
        catch (JsonException exception)
        {
            // Nesting beyond JsonText.MaxDepth: say so plainly rather than with the reader's message.
            if (JsonText.DepthError(line) is { } depthError)
            {
                return depthError;
            }

            // The reader's message ends with its own line/position, which are meaningless for one line: use the column.
            string message = exception.Message;
            int suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{(suffix < 0 ? message : message[..suffix])} (byte {exception.BytePositionInLine + 1} of the line)");
        }

        if (valueStart < 0)
        {
            stats.WithoutField++;
            output.Write(line);
            return null;
        }

        // The raw value lies between the quotes.
        string text = JsonText.Decode(line[(valueStart + 1)..(valueEnd - 1)], valueEscaped);
        DocumentOutcome outcome;
        string? fault = null;
        try
        {
            outcome = _processor.Process(text);
        }
        catch (Exception exception)
        {
            // The library failed on this record: keep it as it was, say so, and go on with the next one.
            fault = RecordFault.Describe(exception);
            (faults ??= []).Add(new RecordFault(lineIndex, fault));
            outcome = new DocumentOutcome(text, Changed: false, Lossy: false, Edits: null);
        }

        stats.Add(outcome, failed: fault is not null);
        if (!outcome.Changed && !_report)
        {
            output.Write(line);
            return null;
        }

        // Splice: the new value, and the report (replacing an existing "textrepair" value or added as the last member).
        int position = 0;
        void CopyTo(PooledBuffer buffer, ReadOnlySpan<byte> source, int until)
        {
            buffer.Write(source[position..until]);
            position = until;
        }

        bool reportFirst = reportStart >= 0 && reportStart < valueStart;
        if (reportFirst)
        {
            CopyTo(output, line, reportStart);
            WriteReport(output, outcome, fault);
            position = reportEnd;
        }

        CopyTo(output, line, valueStart);
        if (outcome.Changed)
        {
            JsonText.WriteString(output, outcome.Text);
            position = valueEnd;
        }

        if (_report && !reportFirst)
        {
            if (reportStart >= 0)
            {
                CopyTo(output, line, reportStart);
                WriteReport(output, outcome, fault);
                position = reportEnd;
            }
            else
            {
                CopyTo(output, line, objectEnd);
                output.Write(hasProperties ? ",\"textrepair\":"u8 : "\"textrepair\":"u8);
                WriteReport(output, outcome, fault);
            }
        }

        CopyTo(output, line, line.Length);
        return null;
    }

    /// <summary>
    /// <c>{"changed":bool,"lossy":bool,"edits":[{"start","length","replacement","kind","chain"?}]}</c>; start and length count
    /// UTF-16 code units of the field's original text, as in JavaScript and .NET strings. When the library failed on the
    /// record, <c>"error":"..."</c> follows the edits.
    /// </summary>
    internal static void WriteReport(PooledBuffer output, in DocumentOutcome outcome, string? fault)
    {
        output.Write(outcome.Changed ? "{\"changed\":true"u8 : "{\"changed\":false"u8);
        output.Write(outcome.Lossy ? ",\"lossy\":true,\"edits\":["u8 : ",\"lossy\":false,\"edits\":["u8);
        if (outcome.Edits is { } edits)
        {
            for (int i = 0; i < edits.Count; i++)
            {
                RepairEdit edit = edits[i];
                output.Write(i == 0 ? "{\"start\":"u8 : ",{\"start\":"u8);
                WriteNumber(output, edit.Start);
                output.Write(",\"length\":"u8);
                WriteNumber(output, edit.Length);
                output.Write(",\"replacement\":"u8);
                JsonText.WriteString(output, edit.Replacement);
                output.Write(",\"kind\":"u8);
                JsonText.WriteString(output, KindNames.Get(edit.Kind));
                if (edit.Chain is { } chain)
                {
                    output.Write(",\"chain\":"u8);
                    JsonText.WriteString(output, chain);
                }

                output.Write((byte)'}');
            }
        }

        output.Write((byte)']');
        if (outcome.Ambiguities is { } ambiguities)
        {
            output.Write(",\"ambiguities\":["u8);
            for (int i = 0; i < ambiguities.Count; i++)
            {
                if (i > 0)
                {
                    output.Write((byte)',');
                }

                Commands.ConvertTrustOptions.WriteObject(output, ambiguities[i]);
            }

            output.Write((byte)']');
        }

        if (fault is not null)
        {
            output.Write(",\"error\":"u8);
            JsonText.WriteString(output, fault);
        }

        output.Write((byte)'}');
    }

    private static void WriteNumber(PooledBuffer output, int value)
    {
        Span<byte> destination = output.GetSpan(11);
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }
}
