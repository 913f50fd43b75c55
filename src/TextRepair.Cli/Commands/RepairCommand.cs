using System.CommandLine;

namespace TextRepair.Cli.Commands;

/// <summary><c>textrepair repair</c>: <see cref="TextRepairer.Repair(string, RepairOptions?)"/> on each document, JSON Lines record or document run. Parsing only; the work is done by <see cref="Runner"/>.</summary>
internal static class RepairCommand
{
    public static Command Build()
    {
        var to = new Option<string>("--to")
        {
            Description = "Script of the result: auto (restore Simplified when the text was machine-converted from it, else keep), keep, or zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK (aliases hans, hant, tw, hk).",
            DefaultValueFactory = _ => "auto",
            HelpName = "script",
        };
        to.AcceptOnlyFromAmong("auto", "keep", "zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK", "hans", "hant", "tw", "hk");
        var documents = new Documents.DocumentOptions();
        var io = new IoOptions(jsonl: true, report: true, format: documents.Format);
        var command = new Command("repair", "Repair Chinese text damaged on the web: encoding mojibake and loss markers, pinyin annotations, machine conversion, ASCII punctuation.");
        command.Options.Add(to);
        io.AddTo(command);
        documents.AddTo(command);
        command.SetAction(parse => CliCommands.Execute(parse, () =>
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
                    CliCommands.WriteText(output, result.Text);
                    if (settings.Report)
                    {
                        Console.Error.WriteLine($"{input.DisplayName}: {result.Explain()}");
                    }
                }),
                statsWithEdits: true);
        }));
        return command;
    }

    private static RepairOptions RepairOptionsFor(string to) => new()
    {
        Target = to switch
        {
            "zh-Hans" or "hans" => ScriptTarget.Hans,
            "zh-Hant" or "hant" => ScriptTarget.Hant,
            "zh-Hant-TW" or "tw" => ScriptTarget.HantTW,
            "zh-Hant-HK" or "hk" => ScriptTarget.HantHK,
            "keep" => ScriptTarget.Keep,
            _ => ScriptTarget.Auto,
        },
    };
}
