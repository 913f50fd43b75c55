using System.CommandLine;
using System.Text;
using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Check;

/// <summary>
/// <c>textrepair check --expect TAG [--json | --sarif] [PATH...]</c>: reports where texts and localisation files depart
/// from the expected Chinese variant, or carry damage. Exit 0 clean, 1 findings, 2 usage or input errors.
/// Rules and formats: docs/check.md.
/// </summary>
internal static class CheckCommand
{
    public static Command Build()
    {
        var expect = new Option<string>("--expect")
        {
            Description = "The variant the text must be in: zh-Hans (or zh-CN), zh-Hant, zh-Hant-TW (or zh-TW), zh-Hant-HK (or zh-HK).",
            Required = true,
            HelpName = "tag",
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per finding (JSON Lines)." };
        var sarif = new Option<bool>("--sarif") { Description = "Write a SARIF 2.1.0 log to standard output (for code scanning dashboards)." };
        var disable = new Option<string[]>("--disable")
        {
            Description = "Turn a rule off (repeatable, or comma-separated): " + string.Join(", ", CheckRules.All.Select(r => r.Id)) + ".",
            HelpName = "rule",
            AllowMultipleArgumentsPerToken = false,
        };
        var baseline = new Option<string>("--baseline") { Description = "Suppress the findings listed in this baseline file.", HelpName = "file" };
        var writeBaseline = new Option<string>("--write-baseline")
        {
            Description = "Write the current findings to this baseline file (atomically) and exit 0.",
            HelpName = "file",
        };
        var fix = new Option<bool>("--fix")
        {
            Description = "Rewrite findings that have a single safe correction (wrong-script characters with one counterpart) in place, atomically, and report them on stderr.",
        };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or directories (searched recursively); none or '-' reads standard input as plain text.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command(
            "check",
            "Check that texts and localisation files (PO, JSON, RESX, Android strings.xml, Apple .strings) are in the expected Chinese variant: "
            + "wrong-script characters, other regions' forms and terms, mixed lines, pinyin annotations, mojibake, loss markers. "
            + "Exit codes: 0 no findings, 1 findings, 2 bad usage or bad input.");
        command.Options.Add(expect);
        command.Options.Add(json);
        command.Options.Add(sarif);
        command.Options.Add(disable);
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
        command.Options.Add(fix);
        command.Arguments.Add(paths);
        // Failures go through the tool's one reporting path: one line on stderr, 141 on a closed pipe. Any failure but a
        // closed pipe exits 2, never 1: check's 1 means findings (a CI step reads it so), and a read or write error is
        // no finding.
        command.SetAction(parse => CliCommands.Execute(parse, () => Run(new CheckSettings(
            parse.GetRequiredValue(expect),
            parse.GetValue(json),
            parse.GetValue(sarif),
            parse.GetValue(disable) ?? [],
            parse.GetValue(baseline),
            parse.GetValue(writeBaseline),
            parse.GetValue(fix),
            Operands.Read(parse, paths))), otherwise: ExitCodes.BadInput));
        return command;
    }

    private static int Run(CheckSettings settings)
    {
        if (!ChineseVariantTags.TryParse(settings.Expect, out ChineseVariant expected)
            || expected is not (ChineseVariant.Hans or ChineseVariant.Hant or ChineseVariant.HantTW or ChineseVariant.HantHK))
        {
            throw new CliException($"--expect: '{settings.Expect}' is not one of zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK (or zh-CN, zh-TW, zh-HK)");
        }

        if (settings.Json && settings.Sarif)
        {
            throw new CliException("--json and --sarif cannot be used together");
        }

        var disabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in settings.Disable.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            CheckRule rule = CheckRules.Find(id)
                ?? throw new CliException($"--disable: unknown rule '{id}'; rules: {string.Join(", ", CheckRules.All.Select(r => r.Id))}");
            disabled.Add(rule.Id);
        }

        Baseline? known = settings.Baseline is null ? null : Baseline.Read(settings.Baseline);
        var job = new CheckJob(expected, ChineseVariantTags.ToTag(expected), disabled);
        var skipped = new SkippedInputs();
        List<string> paths = CheckPaths.Resolve(settings.Paths, skipped);
        if (settings.WriteBaseline is { } target && paths.Find(path => path != "-" && Posix.IsSameFile(target, path)) is { } input)
        {
            // The baseline is written after the inputs are read, but over an input it would replace the file checked.
            throw new CliException($"--write-baseline {target}: is the input {input}; a baseline is never written over an input");
        }

        if (settings.Fix && settings.WriteBaseline is null)
        {
            return RunFix(settings, job, known, paths, skipped);
        }

        // Every input is read or surveyed before the first finding is written: bad input stops the check with nothing
        // written. Meanwhile the tables load on another core for the large inputs to come. A large plain-text first input
        // is scanned first, which validates it as a survey would (HeadStart).
        WarmUp(paths, job);
        FindingFormat format = settings.Sarif ? FindingFormat.Sarif : settings.Json ? FindingFormat.JsonLines : FindingFormat.Text;
        using HeadStart? head = paths.Count == 0 ? null : HeadStart.Begin(paths[0], job, settings.WriteBaseline is null ? format : FindingFormat.Baseline, known is not null);
        var inputs = new List<CheckInput>(paths.Count);
        BlockPipeline? started = null;
        if (head is not null && head.Settle() switch
        {
            HeadStart.Outcome.Validated => true,
            HeadStart.Outcome.Capped => CheckInput.IsValidFrom(paths[0], head.SurveyFrom),
            _ => false,
        })
        {
            inputs.Add(CheckInput.Streamed(paths[0]));
            started = head.Take();
        }
        else
        {
            // Checked as before (a bad byte is named, a control character makes it checked whole): the blocks started
            // are dropped now rather than kept to the end.
            CliException? failure = head?.Failure;
            head?.Dispose();
            if (failure is not null)
            {
                throw failure;
            }
        }

        foreach (string path in paths.Skip(inputs.Count))
        {
            try
            {
                inputs.Add(CheckInput.Prepare(path, job));
            }
            catch (UnreadableInputException exception)
            {
                skipped.Report(exception.Message);
            }
        }

        using FindingSink sink = settings.WriteBaseline is { } baselineFile
            ? FindingSink.ToBaselineFile(baselineFile, known)
            : FindingSink.ToStandardOutput(format, known);
        for (int i = 0; i < inputs.Count; i++)
        {
            try
            {
                inputs[i].Check(job, sink, i == 0 ? started : null);
            }
            catch (CliException exception) when (exception.ExitCode == ExitCodes.BadInput)
            {
                // Read again while its findings are written: it vanished, changed, or its findings need its whole text
                // and it is too large for that. Named; what it gave so far stays written, and the output stays whole.
                skipped.Report(exception.Message);
            }
        }

        if (settings.WriteBaseline is not null && skipped.Count > 0)
        {
            // A baseline is the state of every input: never one that silently lacks some (the file is left as it was).
            Console.Error.WriteLine($"textrepair: {settings.WriteBaseline}: not written: {skipped.Count} input(s) could not be checked");
            return ExitCodes.BadInput;
        }

        sink.Complete();
        if (settings.WriteBaseline is not null)
        {
            Console.Error.WriteLine($"textrepair: wrote {sink.Count} finding(s) to {settings.WriteBaseline}");
            return ExitCodes.Success;
        }

        return skipped.Count > 0 ? ExitCodes.BadInput : sink.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// Input of at least this many bytes in all starts loading the checker's tables on another thread while the inputs
    /// are surveyed: loading takes about 0.25 s of a check's start (a 10-byte file: 0.43 s against 0.16 s for
    /// <c>--version</c>, session 10), as long as surveying 100 MB.
    /// </summary>
    private const long MinWarmUpBytes = StreamedCheck.MinStreamedBytes;

    private static void WarmUp(List<string> paths, CheckJob job)
    {
        long total = 0;
        foreach (string path in paths)
        {
            // The size only (it may be unreadable, or vanish: preparing it reports that).
            total += path == "-" ? MinWarmUpBytes : Posix.TryStat(path) is { Kind: FileKind.Regular } status ? status.Size
                : !Posix.IsSupported && File.Exists(path) ? new FileInfo(path).Length : 0;
        }

        if (total >= MinWarmUpBytes)
        {
            // The tables are built once per process whoever asks first; what this finds is thrown away. The second line
            // is UTF-8 read as Latin-1 (mojibake): it loads the encoding engine's language model too.
            const string Text = "\u4E2D\u6587\n\u00E4\u00B8\u00AD\u00E6\u2013\u2021\n";
            _ = Task.Run(() => CheckScanner.Scan("-", Text, LocalizationText.Plain(Text), job.Expected, job.Tag));
        }
    }

    // --fix: each file whole, as it is rewritten and reported; the findings that remain are written at the end.
    private static int RunFix(CheckSettings settings, CheckJob job, Baseline? known, List<string> paths, SkippedInputs skipped)
    {
        foreach (string path in paths)
        {
            // Before any file is rewritten: a FIFO or a device would be replaced by a regular file.
            if (path == "-")
            {
                throw new CliException("--fix needs files, not standard input");
            }

            if (Posix.TryStat(path) is { Kind: not FileKind.Regular })
            {
                throw new CliException($"{path}: not a regular file; --fix only rewrites regular files");
            }
        }

        var all = new List<CheckFinding>();
        int fixes = 0, files = 0, left = 0;
        foreach (string path in paths)
        {
            List<CheckFinding> findings;
            try
            {
                byte[] bytes = CheckInput.ReadBytes(path);
                (string file, bool bom) = CheckInput.Decode(bytes, path);
                findings = CheckInput.ScanWhole(path, bytes, job);
                var scope = FixScope.Of(path, bytes, file);
                List<CheckFinding> candidates = Unknown(findings, known?.Copy()).Where(f => f.Fixable).ToList();
                List<CheckFinding> fixable = candidates.Where(scope.Contains).ToList();
                left += candidates.Count - fixable.Count;
                if (fixable.Count > 0)
                {
                    byte[] fixedBytes = Fixed(file, bom, fixable);
                    WriteFixed(path, fixedBytes);

                    // Reported as each file is written: a later file's error cannot hide a rewrite.
                    foreach (CheckFinding f in fixable)
                    {
                        Console.Error.WriteLine($"textrepair: fixed {f.File}:{f.Line}:{f.Column}: {f.Rule.Id}: {f.Text} -> {f.Suggestion}");
                    }

                    fixes += fixable.Count;
                    files++;

                    // The findings that remain are those of the fixed text (a line's mixed-line finding named the
                    // character just fixed; session 29), at the fixed text's positions.
                    findings = CheckInput.ScanWhole(path, fixedBytes, job);
                }

                findings = Unknown(findings, known);
            }
            catch (UnreadableInputException exception)
            {
                skipped.Report(exception.Message);
                continue;
            }

            all.AddRange(findings);
        }

        using (FindingSink sink = FindingSink.ToStandardOutput(settings.Sarif ? FindingFormat.Sarif : settings.Json ? FindingFormat.JsonLines : FindingFormat.Text, null))
        {
            sink.Write(all);
            sink.Complete();
        }

        if (fixes > 0)
        {
            Console.Error.WriteLine($"textrepair: fixed {fixes} finding(s) in {files} file(s)");
        }

        if (left > 0)
        {
            Console.Error.WriteLine($"textrepair: left {left} fixable finding(s) as they are: in code, markup, a URL, an e-mail address or a path");
        }

        return skipped.Count > 0 ? ExitCodes.BadInput : all.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    // The findings a baseline does not list.
    private static List<CheckFinding> Unknown(List<CheckFinding> findings, Baseline? known) =>
        known is null ? findings : findings.Where(f => !known.Suppresses(f)).ToList();

    // The file with each fixable finding's characters replaced (same length, literal in the file), as bytes.
    private static byte[] Fixed(string file, bool bom, List<CheckFinding> fixable)
    {
        char[] chars = file.ToCharArray();
        foreach (CheckFinding f in fixable)
        {
            f.Suggestion!.CopyTo(chars.AsSpan(f.FileOffset, f.Suggestion.Length));
        }

        byte[] text = Encoding.UTF8.GetBytes(chars);
        return bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }

    // Writes the fixed file atomically.
    private static void WriteFixed(string path, byte[] bytes)
    {
        using OutputTarget target = OutputTarget.InPlace(path);
        target.Stream.Write(bytes);
        target.Commit();
    }

    private sealed record CheckSettings(
        string Expect, bool Json, bool Sarif, string[] Disable, string? Baseline, string? WriteBaseline, bool Fix, string[] Paths);
}
