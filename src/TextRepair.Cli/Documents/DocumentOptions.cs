using System.CommandLine;
using System.Text;
using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Documents;

/// <summary>
/// <c>--format</c> for <c>convert</c> and <c>repair</c>: which document format each input is, so that only the text a
/// reader sees changes (<see cref="DocumentConverter"/>). <c>auto</c> (the default for files) decides by extension and
/// content; standard input is plain text unless <c>--format</c> is given. Plain text keeps the streaming path of the
/// command; other formats are read whole. Binary formats (EPUB, Office) are written only to a file (<c>-o</c> or <c>-i</c>).
/// </summary>
internal sealed class DocumentOptions
{
    private const string Auto = Corpora.CorporaOptions.AutoFormat;

    // Bytes read from a file to detect its format (DocumentFormats.TryDetect needs no more).
    private const int SniffLength = 4096;

    private readonly Option<string> _format = new("--format")
    {
        Description = "Document format: auto (by extension and content; the default for files), " + string.Join(", ", DocumentFormats.Names)
            + ". Only the text a reader sees is changed; markup, code, URLs, timestamps and keys stay byte for byte. Standard input is text unless given. "
            + "Or parquet (auto takes files named *.parquet as Parquet): --field names the string column, nested as a.b.",
        HelpName = "name",
    };

    public DocumentOptions()
    {
        _format.AcceptOnlyFromAmong([Auto, .. DocumentFormats.Names, Corpora.CorporaOptions.ParquetFormat]);
    }

    /// <summary>The option itself, shared with <see cref="IoOptions"/> (Parquet inputs go to the corpora processor).</summary>
    public Option<string> Format => _format;

    public void AddTo(Command command) => command.Options.Add(_format);

    /// <summary>Rejects combinations that make no sense (a document format with <c>--jsonl</c>).</summary>
    public void Check(ParseResult parse, RunSettings settings)
    {
        string? requested = parse.GetValue(_format);
        if (settings.Jsonl && requested is not null and not "text" and not Corpora.CorporaOptions.ParquetFormat)
        {
            throw new CliException("--format cannot be used with --jsonl");
        }
    }

    /// <summary>
    /// The handler for one input: plain text goes to <paramref name="textHandler"/> (the command's own path), any other
    /// format through <paramref name="documents"/>.
    /// </summary>
    public Runner.InputHandler Handler(ParseResult parse, RunSettings settings, Runner runner, DocumentConverter documents, Runner.InputHandler textHandler)
    {
        string? requested = parse.GetValue(_format);
        int inputs = 0;
        return (input, reader, output, stats) =>
        {
            inputs++;
            DocumentFormat? format = Resolve(requested, input, settings);
            byte[]? bytes = null;
            if (format is null)
            {
                // Standard input with --format auto: read it to look at it.
                bytes = ReadAll(reader);
                if (!DocumentFormats.TryDetect(null, bytes, out DocumentFormat detected))
                {
                    throw new CliException($"{input.DisplayName}: unknown binary format (use --format)");
                }

                format = detected;
            }

            if (format == DocumentFormat.Text && bytes is null)
            {
                textHandler(input, reader, output, stats);
                return;
            }

            if (DocumentConverter.IsBinary(format.Value))
            {
                CheckBinaryOutput(settings, input, format.Value, inputs);
            }
            else if (settings.Output is not null && inputs > 1 && WroteBinary)
            {
                throw new CliException($"{input.DisplayName}: cannot append to the binary output {settings.Output}");
            }

            try
            {
                byte[] result;
                if (DocumentConverter.IsBinary(format.Value))
                {
                    bytes ??= ReadAll(reader);
                    WroteBinary = true;
                    if (documents.RepairOptions is null)
                    {
                        result = documents.Convert(bytes, format.Value);
                        stats.Add(new DocumentOutcome(string.Empty, !ReferenceEquals(result, bytes), false, null));
                    }
                    else
                    {
                        result = documents.Repair(bytes, format.Value, out IReadOnlyList<KeyValuePair<string, RepairResult>> parts);
                        stats.Add(PartsOutcome(!ReferenceEquals(result, bytes), parts));
                        Report(settings, input, parts);
                    }
                }
                else
                {
                    string text = bytes is null ? runner.ReadDocument(input, reader) : Decode(bytes, input, settings.ReplaceInvalid);
                    string converted;
                    if (documents.RepairOptions is null)
                    {
                        converted = documents.Convert(text, format.Value);
                        stats.Add(new DocumentOutcome(converted, !ReferenceEquals(converted, text), false, null));
                    }
                    else
                    {
                        // A repair reports its edits and losses as plain text does (session 41: documents said none).
                        RepairResult repaired = documents.Repair(text, format.Value);
                        converted = repaired.Text;
                        stats.Add(new DocumentOutcome(converted, repaired.Changed, repaired.Lossy, repaired.Edits));
                        Report(settings, input, [new KeyValuePair<string, RepairResult>(string.Empty, repaired)]);
                    }

                    result = Encoding.UTF8.GetBytes(converted);
                }

                output.Write(result);
            }
            catch (InvalidDataException exception)
            {
                throw new CliException($"{input.DisplayName}: {exception.Message}", ExitCodes.BadInput, exception);
            }
        };
    }

    private bool WroteBinary { get; set; }

    /// <summary>One outcome for an archive: changed when its bytes did, lossy when a part is, and all parts' edits (for the counts by kind).</summary>
    private static DocumentOutcome PartsOutcome(bool changed, IReadOnlyList<KeyValuePair<string, RepairResult>> parts)
    {
        bool lossy = false;
        var edits = new List<RepairEdit>();
        foreach (KeyValuePair<string, RepairResult> part in parts)
        {
            lossy |= part.Value.Lossy;
            edits.AddRange(part.Value.Edits);
        }

        return new DocumentOutcome(string.Empty, changed, lossy, edits);
    }

    /// <summary>
    /// <c>--report</c>: the account of each repaired part on stderr, as for plain text (<c>NAME: account</c>); an archive's
    /// parts as <c>NAME:PART: account</c>, and a document that needed nothing says so once.
    /// </summary>
    private static void Report(RunSettings settings, InputSource input, IReadOnlyList<KeyValuePair<string, RepairResult>> parts)
    {
        if (!settings.Report)
        {
            return;
        }

        if (parts.Count == 0)
        {
            Console.Error.WriteLine($"{input.DisplayName}: Nothing to repair: the document is returned unchanged.");
            return;
        }

        foreach (KeyValuePair<string, RepairResult> part in parts)
        {
            string name = part.Key.Length == 0 ? input.DisplayName : $"{input.DisplayName}:{part.Key}";
            Console.Error.WriteLine($"{name}: {part.Value.Explain()}");
        }
    }

    /// <summary>The format of an input, or null when standard input must be read to tell.</summary>
    private static DocumentFormat? Resolve(string? requested, InputSource input, RunSettings settings)
    {
        if (requested is not null && requested != Auto)
        {
            // AcceptOnlyFromAmong has checked the name already.
            return DocumentFormats.TryParse(requested, out DocumentFormat named) ? named : throw new CliException($"unknown format '{requested}'");
        }

        if (input.Path is null)
        {
            return requested is null ? DocumentFormat.Text : null;
        }

        byte[] head = new byte[SniffLength];
        int length;
        using (FileStream file = File.OpenRead(input.Path))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (!DocumentFormats.TryDetect(input.Path, AsRead(head.AsSpan(0, length), settings), out DocumentFormat format))
        {
            throw new CliException($"{input.DisplayName}: unknown binary format (use --format NAME: {string.Join(", ", DocumentFormats.Names)})");
        }

        return format;
    }

    /// <summary>
    /// The head of a file as the run reads it, in UTF-8 for the sniffer: a UTF-16 or UTF-32 file (by its byte order mark,
    /// <c>--encoding</c> or, with <c>auto</c>, the detector) is decoded first, since its NUL bytes are text, not the sign
    /// of a binary format (a UTF-16 CSV was "unknown binary format" where the same file named *.txt was read; session 27).
    /// Other encodings keep ASCII as ASCII, which is all the sniffer looks at.
    /// </summary>
    private static ReadOnlySpan<byte> AsRead(ReadOnlySpan<byte> head, RunSettings settings)
    {
        Encoding? encoding;
        if (EncodingDetector.DetectByteOrderMark(head) is { } mark && EncodingNames.IsWide(mark.Encoding.CodePage))
        {
            encoding = mark.Encoding;
        }
        else if (settings.AutoEncoding)
        {
            // Only NUL bytes mislead the sniffer: no detection for the heads without one.
            encoding = head.Contains((byte)0) && EncodingDetector.Detect(head) is { IsBinary: false } detection ? detection.Encoding : null;
        }
        else
        {
            encoding = settings.Encoding;
        }

        if (encoding is null || !EncodingNames.IsWide(encoding.CodePage))
        {
            return head;
        }

        // Whole code units only (the head is cut anywhere); what cannot be decoded is the real reading's to report.
        int unit = encoding.CodePage is 12000 or 12001 ? 4 : 2;
        Encoding lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        return Encoding.UTF8.GetBytes(lenient.GetString(head[..(head.Length / unit * unit)]));
    }

    private static void CheckBinaryOutput(RunSettings settings, InputSource input, DocumentFormat format, int inputs)
    {
        string name = DocumentFormats.GetName(format);
        if (settings.Output is null && !settings.InPlace)
        {
            throw new CliException($"{input.DisplayName}: {name} is a binary format: write it to a file with --output FILE or --in-place, never to standard output");
        }

        if (settings.Encoding is not null)
        {
            throw new CliException($"{input.DisplayName}: --encoding does not apply to {name} (a zip archive)");
        }

        if (!settings.InPlace && inputs > 1)
        {
            throw new CliException($"{input.DisplayName}: a {name} file cannot be appended to other output: convert one binary document per --output");
        }
    }

    private static byte[] ReadAll(BlockReader reader)
    {
        using var all = new MemoryStream();
        while (reader.Read() is { } block)
        {
            using (block)
            {
                all.Write(block.Data);
            }
        }

        return all.ToArray();
    }

    private static string Decode(byte[] bytes, InputSource input, bool replaceInvalid)
    {
        Encoding encoding = replaceInvalid ? Encoding.UTF8 : new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new CliException($"{input.DisplayName}: not valid UTF-8 (at byte {exception.Index})", ExitCodes.BadInput, exception);
        }
    }
}
