using System.Buffers;
using System.CommandLine;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary><c>textrepair convert</c>: OpenCC conversion of text, JSON Lines or documents. Parsing only; the work is done by <see cref="Runner"/>.</summary>
internal static class ConvertCommand
{
    public static Command Build()
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
        command.SetAction(parse => CliCommands.Execute(parse, () =>
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
                ConvertTrustRun.CheckTarget(trust, settings);
                return ConvertTrustRun.Finish(trust, runner.Run((input, reader, output, _) => runner.RunJsonLines(input, reader, output, processor), statsWithEdits: false));
            }

            if (!trust.Active)
            {
                return runner.Run(
                    documents.Handler(parse, settings, runner, new DocumentConverter(converter), (input, reader, output, _) =>
                        runner.RunBlocks(input, reader, output, (data, buffer) => ConvertBlock(converter, data, buffer))),
                    statsWithEdits: false);
            }

            ConvertTrustRun.CheckTarget(trust, settings);
            using OutputTarget? positions = ConvertTrustRun.OpenPositions(trust, settings);
            int exitCode = runner.Run(
                documents.Handler(parse, settings, runner, new DocumentConverter(converter), (input, reader, output, stats) =>
                {
                    DocumentOutcome outcome = processor.Process(runner.ReadDocument(input, reader));
                    stats.Add(outcome);
                    CliCommands.WriteText(output, outcome.Text);
                    if (positions is not null && outcome.Ambiguities is List<ReportedAmbiguity> ambiguities)
                    {
                        ConvertTrustOptions.WritePositions(positions.Stream, ambiguities);
                    }
                }),
                statsWithEdits: false);

            // Only a complete run replaces the file (a failure leaves the previous one, and no temporary file).
            positions?.Commit();
            return ConvertTrustRun.Finish(trust, exitCode);
        }));
        return command;
    }

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
}
