using System.CommandLine;

namespace TextRepair.Cli.Commands;

/// <summary><c>textrepair detect</c>: one JSON report per input (<see cref="DetectReportWriter"/>), the text unchanged.</summary>
internal static class DetectCommand
{
    public static Command Build()
    {
        var io = new IoOptions(jsonl: false, writesText: false);
        var command = new Command(
            "detect",
            "Analyse text without changing it: script, variant, pinyin annotations, machine conversion, encoding damage (mojibake, loss markers). Writes one JSON object per input, one per line.");
        io.AddTo(command);

        // The output is JSON either way; the flag is accepted so that `detect --json` (the form issue 18 documents, and
        // the one `encoding --json` uses) works rather than failing on an unknown option.
        command.Options.Add(new Option<bool>("--json") { Description = "Accepted for symmetry with `encoding --json`: detect always writes JSON." });
        command.SetAction(parse => CliCommands.Execute(parse, () =>
        {
            RunSettings settings = io.Read(parse);
            var runner = new Runner(settings) { Records = Parquet.RecordMode.Analyze() };
            return runner.Run(
                (input, reader, output, stats) =>
                {
                    string text = runner.ReadDocument(input, reader);
                    TextReport report = TextAnalyzer.Analyze(text);
                    stats.Documents++;
                    DetectReportWriter.Write(output, input.Path, report);
                },
                statsWithEdits: false);
        }));
        return command;
    }
}
