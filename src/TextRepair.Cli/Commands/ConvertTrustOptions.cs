using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;

namespace TextRepair.Cli.Commands;

/// <summary>One ambiguity of a document with its source text (what the JSON objects carry).</summary>
internal readonly record struct ReportedAmbiguity(ConversionAmbiguity Ambiguity, string Source);

/// <summary>
/// The <c>convert</c> options that make a conversion checkable: <c>--ambiguities [FILE]</c>, <c>--summary</c>,
/// <c>--phrases FILE</c>, <c>--protect FILE</c>, <c>--protect-markup</c>, <c>--protect-urls</c>, <c>--protect-emails</c>,
/// <c>--protect-paths</c>, <c>--protect-kana</c>. Parsing and output only; the work is the library's.
/// </summary>
internal sealed class ConvertTrustOptions
{
    private readonly Option<string?> _ambiguities = new("--ambiguities")
    {
        Description = "Write every guess (a character with several possible conversions and no phrase deciding it) to FILE as JSON Lines: "
            + "start, length, source, chosen, alternatives, outputStart, outputLength, dictionary (UTF-16 offsets). With --jsonl, give no FILE: "
            + "they go into each record's --report under \"ambiguities\".",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _summary = new("--summary")
    {
        Description = "With --ambiguities FILE: write one line per source character instead (source, count, chosen, alternatives, dictionary), over all inputs, most frequent first.",
    };

    private readonly Option<string?> _phrases = new("--phrases")
    {
        Description = "Glossary in OpenCC's dictionary format (key TAB value, first value wins): written verbatim wherever a key occurs, over every dictionary of the config.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _protect = new("--protect")
    {
        Description = "Terms never converted, one per line; no phrase is applied across them.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _protectMarkup = new("--protect-markup") { Description = "Copy -{text}- spans unchanged, without the markers (MediaWiki's form; see docs/conversion-trust.md)." };

    private readonly Option<bool> _protectUrls = new("--protect-urls") { Description = "Copy URLs unchanged (CJK path segments and %-escapes included)." };

    private readonly Option<bool> _protectEmails = new("--protect-emails") { Description = "Copy e-mail addresses unchanged." };

    private readonly Option<bool> _protectPaths = new("--protect-paths") { Description = "Copy file paths such as /文件/发布 or C:\\文件\\发布 unchanged." };

    private readonly Option<bool> _protectKana = new("--protect-kana") { Description = "Copy Japanese sentences (with hiragana or katakana) unchanged; their number goes to stderr." };

    private readonly ConcurrentDictionary<string, SummaryEntry> _summaryCounts = new(StringComparer.Ordinal);

    private long _kanaSpans;
    private bool _protectsKana;

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[_ambiguities, _summary, _phrases, _protect, _protectMarkup, _protectUrls, _protectEmails, _protectPaths, _protectKana])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether --ambiguities was given.</summary>
    public bool Reports { get; private set; }

    /// <summary>Where positions or the summary go in text mode (null in JSONL mode without --summary).</summary>
    public string? File { get; private set; }

    public bool Summary { get; private set; }

    /// <summary>Whether any option here changes how text is converted or reported (the fast block path is then not used).</summary>
    public bool Active { get; private set; }

    /// <summary>Checks the combination and applies the glossary and the protection to <paramref name="converter"/>.</summary>
    public ChineseConverter Configure(ParseResult parse, RunSettings settings, ChineseConverter converter)
    {
        Reports = parse.GetResult(_ambiguities) is not null;
        File = parse.GetValue(_ambiguities);
        Summary = parse.GetValue(_summary);
        if (Summary && File is null)
        {
            throw new CliException("--summary needs --ambiguities FILE (the file that gets the counts)");
        }

        if (Reports && !settings.Jsonl && File is null)
        {
            throw new CliException("--ambiguities needs a FILE (in --jsonl mode, give none: they go into each record's --report)");
        }

        if (Reports && settings.Jsonl && File is not null && !Summary)
        {
            throw new CliException("with --jsonl, --ambiguities takes no FILE (they go into each record's --report) unless --summary");
        }

        if (settings.Jsonl && Reports && !Summary && !settings.Report)
        {
            throw new CliException("with --jsonl, --ambiguities needs --report (the record's report gets them)");
        }

        if (parse.GetValue(_phrases) is { } phrases)
        {
            using StreamReader reader = OpenText(phrases, "--phrases");
            try
            {
                converter = converter.WithGlossary(reader);
            }
            catch (FormatException error)
            {
                throw new CliException($"{phrases}: {error.Message}");
            }
            catch (System.Text.DecoderFallbackException error)
            {
                throw NotUtf8("--phrases", phrases, error);
            }
        }

        ProtectedText kinds = (parse.GetValue(_protectMarkup) ? ProtectedText.Markup : 0)
            | (parse.GetValue(_protectUrls) ? ProtectedText.Urls : 0)
            | (parse.GetValue(_protectEmails) ? ProtectedText.EmailAddresses : 0)
            | (parse.GetValue(_protectPaths) ? ProtectedText.Paths : 0)
            | (parse.GetValue(_protectKana) ? ProtectedText.Kana : 0);
        List<string>? terms = null;
        if (parse.GetValue(_protect) is { } protect)
        {
            using StreamReader reader = OpenText(protect, "--protect");
            terms = [];
            try
            {
                while (reader.ReadLine() is { } line)
                {
                    if (line.Length > 0)
                    {
                        terms.Add(line);
                    }
                }
            }
            catch (System.Text.DecoderFallbackException error)
            {
                throw NotUtf8("--protect", protect, error);
            }
        }

        if (kinds != ProtectedText.None || terms is { Count: > 0 })
        {
            try
            {
                converter = converter.WithProtection(kinds, terms);
            }
            catch (ArgumentException error)
            {
                // A term the library refuses (one holding U+2028, say) is bad input, not a failure of the tool.
                throw new CliException($"--protect {parse.GetValue(_protect)}: {error.Message}", ExitCodes.BadInput, error);
            }
        }

        _protectsKana = (kinds & ProtectedText.Kana) != 0;
        Active = Reports || parse.GetValue(_phrases) is not null || converter.Protection != ProtectedText.None;
        return converter;
    }

    /// <summary>Converts one document, collecting what was asked for.</summary>
    public (string Text, List<ReportedAmbiguity>? Ambiguities) Convert(ChineseConverter converter, string text)
    {
        List<ReportedAmbiguity>? reported = null;
        string converted;
        if (Reports)
        {
            var ambiguities = new List<ConversionAmbiguity>();
            converted = converter.Convert(text, ambiguities);
            reported = new List<ReportedAmbiguity>(ambiguities.Count);
            foreach (ConversionAmbiguity ambiguity in ambiguities)
            {
                string source = text.Substring(ambiguity.SourceStart, ambiguity.SourceLength);
                reported.Add(new ReportedAmbiguity(ambiguity, source));
                if (Summary)
                {
                    _summaryCounts.AddOrUpdate(source, _ => new SummaryEntry(ambiguity, 1), (_, entry) => entry with { Count = entry.Count + 1 });
                }
            }
        }
        else
        {
            converted = converter.Convert(text);
        }

        if ((converter.Protection & ProtectedText.Kana) != 0)
        {
            Interlocked.Add(ref _kanaSpans, converter.FindProtectedSpans(text).Count(s => s.Kind == ProtectedText.Kana));
        }

        return (converted, reported);
    }

    /// <summary>Writes the positions of one document as JSON Lines (text mode without --summary).</summary>
    public static void WritePositions(Stream file, List<ReportedAmbiguity> ambiguities)
    {
        using var buffer = new PooledBuffer(256 + (ambiguities.Count * 160));
        foreach (ReportedAmbiguity item in ambiguities)
        {
            WriteObject(buffer, item);
            buffer.Write((byte)'\n');
        }

        file.Write(buffer.WrittenSpan);
    }

    /// <summary>Writes the per-character counts, most frequent first.</summary>
    public void WriteSummary(Stream file)
    {
        using var buffer = new PooledBuffer(4096);
        foreach ((string source, SummaryEntry entry) in _summaryCounts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            buffer.Write("{\"source\":"u8);
            JsonText.WriteString(buffer, source);
            buffer.Write(",\"count\":"u8);
            WriteNumber(buffer, entry.Count);
            WriteChoice(buffer, entry.Example);
            buffer.Write("}\n"u8);
        }

        file.Write(buffer.WrittenSpan);
    }

    /// <summary>A line for --stats: Japanese sentences left alone.</summary>
    public string? StatsLine() => _protectsKana ? string.Create(CultureInfo.InvariantCulture, $"textrepair: {_kanaSpans} kana-bearing span(s) left unconverted") : null;

    /// <summary>One JSON object: start, length, source, chosen, alternatives, outputStart, outputLength, dictionary.</summary>
    public static void WriteObject(PooledBuffer output, in ReportedAmbiguity item)
    {
        ConversionAmbiguity ambiguity = item.Ambiguity;
        output.Write("{\"start\":"u8);
        WriteNumber(output, ambiguity.SourceStart);
        output.Write(",\"length\":"u8);
        WriteNumber(output, ambiguity.SourceLength);
        output.Write(",\"source\":"u8);
        JsonText.WriteString(output, item.Source);
        WriteAlternatives(output, ambiguity);
        output.Write(",\"outputStart\":"u8);
        WriteNumber(output, ambiguity.OutputStart);
        output.Write(",\"outputLength\":"u8);
        WriteNumber(output, ambiguity.OutputLength);
        output.Write(",\"dictionary\":"u8);
        JsonText.WriteString(output, ambiguity.Dictionary);
        output.Write((byte)'}');
    }

    private static void WriteChoice(PooledBuffer output, in ConversionAmbiguity ambiguity)
    {
        WriteAlternatives(output, ambiguity);
        output.Write(",\"dictionary\":"u8);
        JsonText.WriteString(output, ambiguity.Dictionary);
    }

    /// <summary><c>,"chosen":...,"alternatives":[...]</c></summary>
    private static void WriteAlternatives(PooledBuffer output, in ConversionAmbiguity ambiguity)
    {
        output.Write(",\"chosen\":"u8);
        JsonText.WriteString(output, ambiguity.Chosen);
        output.Write(",\"alternatives\":["u8);
        for (int i = 0; i < ambiguity.Alternatives.Count; i++)
        {
            if (i > 0)
            {
                output.Write((byte)',');
            }

            JsonText.WriteString(output, ambiguity.Alternatives[i]);
        }

        output.Write((byte)']');
    }

    private static void WriteNumber(PooledBuffer output, long value)
    {
        Span<byte> destination = output.GetSpan(20);
        value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    // Strict UTF-8, errors in the system's words (session 12: a binary --protect file failed with exit 1 and the
    // library's ArgumentException, a --phrases file with invalid UTF-8 was read with U+FFFD keys, a directory was
    // "Access to the path '/tmp' is denied.").
    private static StreamReader OpenText(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{option} {path}: is a directory");
        }

        var strict = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return IoErrors.Run($"{option} {path}", () => new StreamReader(path, strict, detectEncodingFromByteOrderMarks: true));
    }

    private static CliException NotUtf8(string option, string path, Exception error) =>
        new($"{option} {path}: not valid UTF-8", ExitCodes.BadInput, error);

    private readonly record struct SummaryEntry(ConversionAmbiguity Example, long Count);
}
