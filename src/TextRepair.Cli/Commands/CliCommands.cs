using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary>The command tree: <c>convert</c>, <c>repair</c>, <c>detect</c>. Parsing only; the work is done by <see cref="Runner"/>.</summary>
internal static class CliCommands
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On error, print the stack trace as well.",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "textrepair: convert Chinese between Simplified and Traditional exactly like OpenCC 1.4.2, and repair Chinese text damaged on the web.\n"
            + "Reads files or standard input (UTF-8 unless --encoding), writes UTF-8 (or --output-encoding) to standard output, --output or --in-place.\n"
            + "Exit codes: 0 done, 1 failed while processing (or standard output closed), 2 bad usage or bad input, 141 output pipe closed by its reader.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(BuildConvert());
        root.Subcommands.Add(BuildRepair());
        root.Subcommands.Add(BuildDetect());
        root.Subcommands.Add(Check.CheckCommand.Build());
        root.Subcommands.Add(EncodingCommand.Build(Execute));
        return root;
    }

    private static Command BuildConvert()
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "OpenCC configuration: " + string.Join(", ", ChineseConverter.Configs) + " (a trailing .json is accepted).",
            Required = true,
            HelpName = "name",
        };
        var excludeTofu = new Option<bool>("--exclude-tofu-risk-dictionaries")
        {
            Description = "Leave out the dictionaries OpenCC marks may_output_tofu (TSCharactersExt), as OpenCC's own tool does by default.",
        };
        var documents = new Documents.DocumentOptions();
        var io = new IoOptions(jsonl: true, report: true, format: documents.Format);
        var trust = new ConvertTrustOptions();
        var command = new Command("convert", "Convert between Simplified and Traditional Chinese (OpenCC 1.4.2 semantics).");
        command.Options.Add(config);
        command.Options.Add(excludeTofu);
        io.AddTo(command);
        documents.AddTo(command);
        trust.AddTo(command);
        command.SetAction(parse => Execute(parse, () =>
        {
            RunSettings settings = io.Read(parse);
            string name = parse.GetRequiredValue(config);
            ChineseConverter converter;
            try
            {
                converter = ChineseConverter.Get(
                    name,
                    parse.GetValue(excludeTofu) ? ChineseConverterOptions.ExcludeTofuRiskDictionaries : ChineseConverterOptions.None);
            }
            catch (ArgumentException)
            {
                throw new CliException($"unknown config '{name}'; valid configs: {string.Join(", ", ChineseConverter.Configs)}; or a BCP-47 alias: {string.Join(", ", ChineseConverter.ConfigAliases.Keys)}");
            }

            if (settings.Report && !settings.Jsonl)
            {
                throw new CliException("convert: --report needs --jsonl (in text mode, --ambiguities FILE lists the guesses)");
            }

            converter = trust.Configure(parse, settings, converter);
            var processor = new ConvertProcessor(converter, trust.Active ? trust : null);
            var runner = new Runner(settings) { Records = Parquet.RecordMode.Transform(processor) };
            documents.Check(parse, settings);
            if (settings.Jsonl)
            {
                return ConvertTrustRun.Finish(trust, runner.Run((input, reader, output, _) => runner.RunJsonLines(input, reader, output, processor), statsWithEdits: false));
            }

            if (!trust.Active)
            {
                return runner.Run(
                    documents.Handler(parse, settings, runner, new DocumentConverter(converter), (input, reader, output, _) =>
                        runner.RunBlocks(input, reader, output, (data, buffer) => ConvertBlock(converter, data, buffer))),
                    statsWithEdits: false);
            }

            using Stream? positions = ConvertTrustRun.OpenPositions(trust, settings);
            return ConvertTrustRun.Finish(trust, runner.Run(
                documents.Handler(parse, settings, runner, new DocumentConverter(converter), (input, reader, output, stats) =>
                {
                    DocumentOutcome outcome = processor.Process(runner.ReadDocument(input, reader));
                    stats.Add(outcome);
                    WriteText(output, outcome.Text);
                    if (positions is not null && outcome.Ambiguities is List<ReportedAmbiguity> ambiguities)
                    {
                        ConvertTrustOptions.WritePositions(positions, ambiguities);
                    }
                }),
                statsWithEdits: false));
        }));
        return command;
    }

    private static Command BuildRepair()
    {
        var to = new Option<string>("--to")
        {
            Description = "Script of the result: auto (restore Simplified when the text was machine-converted from it, else keep), hans, hant, tw, hk, keep.",
            DefaultValueFactory = _ => "auto",
            HelpName = "script",
        };
        to.AcceptOnlyFromAmong("auto", "hans", "hant", "tw", "hk", "keep");
        var documents = new Documents.DocumentOptions();
        var io = new IoOptions(jsonl: true, report: true, format: documents.Format);
        var command = new Command("repair", "Repair Chinese text damaged on the web: pinyin annotations, machine conversion, ASCII punctuation.");
        command.Options.Add(to);
        io.AddTo(command);
        documents.AddTo(command);
        command.SetAction(parse => Execute(parse, () =>
        {
            RunSettings settings = io.Read(parse);
            var processor = new RepairProcessor(RepairOptionsFor(parse.GetValue(to) ?? "auto"));
            var runner = new Runner(settings) { Records = Parquet.RecordMode.Transform(processor) };
            documents.Check(parse, settings);
            if (settings.Jsonl)
            {
                return runner.Run((input, reader, output, _) => runner.RunJsonLines(input, reader, output, processor), statsWithEdits: true);
            }

            return runner.Run(
                documents.Handler(parse, settings, runner, new DocumentConverter(RepairOptionsFor(parse.GetValue(to) ?? "auto")), (input, reader, output, stats) =>
                {
                    string text = runner.ReadDocument(input, reader);
                    RepairResult result = processor.Repair(text);
                    stats.Add(new DocumentOutcome(result.Text, result.Changed, result.Lossy, result.Edits));
                    WriteText(output, result.Text);
                    if (settings.Report)
                    {
                        Console.Error.WriteLine($"{input.DisplayName}: {result.Explain()}");
                    }
                }),
                statsWithEdits: true);
        }));
        return command;
    }

    private static Command BuildDetect()
    {
        var io = new IoOptions(jsonl: false, writesText: false);
        var command = new Command(
            "detect",
            "Analyse text without changing it: script, pinyin annotations, evidence of damage. Writes one JSON object per input, one per line.");
        io.AddTo(command);
        command.SetAction(parse => Execute(parse, () =>
        {
            RunSettings settings = io.Read(parse);
            var runner = new Runner(settings) { Records = Parquet.RecordMode.Analyze() };
            return runner.Run(
                (input, reader, output, stats) =>
                {
                    string text = runner.ReadDocument(input, reader);
                    TextReport report = TextAnalyzer.Analyze(text);
                    stats.Documents++;
                    WriteReport(output, input, report);
                },
                statsWithEdits: false);
        }));
        return command;
    }

    private static RepairOptions RepairOptionsFor(string to) => new()
    {
        Target = to switch
        {
            "hans" => ScriptTarget.Hans,
            "hant" => ScriptTarget.Hant,
            "tw" => ScriptTarget.Tw,
            "hk" => ScriptTarget.Hk,
            "keep" => ScriptTarget.Keep,
            _ => ScriptTarget.Auto,
        },
    };

    /// <summary>
    /// Converts a block of whole lines (valid UTF-8) with <see cref="ChineseConverter.ConvertUtf8"/>. No OpenCC phrase
    /// spans a line feed, so blocks convert independently and give the whole-text result.
    /// </summary>
    private static bool ConvertBlock(ChineseConverter converter, ReadOnlySpan<byte> data, PooledBuffer buffer)
    {
        ReadOnlySpan<byte> rest = data;
        int start = buffer.Length;
        int room = data.Length + (data.Length / 8) + 64;
        while (true)
        {
            Span<byte> destination = buffer.GetSpan(room);
            OperationStatus status = converter.ConvertUtf8(rest, destination, out int consumed, out int written, isFinalBlock: true);
            buffer.Advance(written);
            rest = rest[consumed..];
            if (status == OperationStatus.Done)
            {
                break;
            }

            if (status != OperationStatus.DestinationTooSmall)
            {
                // The block was validated as UTF-8 before: this would be a fault in the library.
                throw new InvalidOperationException($"ConvertUtf8 returned {status} on valid UTF-8 input.");
            }

            room = Math.Max(room, rest.Length) * 2;
        }

        return !buffer.WrittenSpan[start..].SequenceEqual(data);
    }

    private static void WriteText(Stream output, string text)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        writer.Write(text);
    }

    private static readonly JsonSerializerOptions s_reportOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = ReportJsonContext.Default,
        Converters =
        {
            new System.Text.Json.Serialization.JsonStringEnumConverter<TextScript>(JsonNamingPolicy.CamelCase),
            new System.Text.Json.Serialization.JsonStringEnumConverter<AnnotationEvidence>(JsonNamingPolicy.CamelCase),
            new System.Text.Json.Serialization.JsonStringEnumConverter<AnnotationMatch>(JsonNamingPolicy.CamelCase),
            new System.Text.Json.Serialization.JsonStringEnumConverter<DamageKind>(JsonNamingPolicy.CamelCase),
        },
    };

    private static void WriteReport(Stream output, InputSource input, TextReport report)
    {
        JsonElement element = JsonSerializer.SerializeToElement(report, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<TextReport>)s_reportOptions.GetTypeInfo(typeof(TextReport)));
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", input.Path);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Runs a command body, turning failures into one line on stderr and an exit code.</summary>
    private static int Execute(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception exception)
        {
            return Program.Report(exception, parse.GetValue(Verbose));
        }
    }
}
