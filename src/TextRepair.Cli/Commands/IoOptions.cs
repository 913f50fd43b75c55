using System.CommandLine;
using System.Text;

namespace TextRepair.Cli.Commands;

/// <summary>The input/output options, created once per command (System.CommandLine symbols belong to one parent).</summary>
internal sealed class IoOptions
{
    private readonly Argument<string[]> _files = new("FILE")
    {
        Description = "Input files (standard input when none, or \"-\"). Directories need --recursive.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Write to this file (atomically: a temporary file beside it, then a rename) instead of standard output.",
        HelpName = "file",
    };

    private readonly Option<bool> _inPlace = new("--in-place", "-i")
    {
        Description = "Replace each input file with its result, atomically (a crash never leaves a half-written file).",
    };

    private readonly Option<bool> _recursive = new("--recursive", "-r")
    {
        Description = "Process the files in directories given as inputs, recursively, in ordinal path order.",
    };

    private readonly Option<string> _encoding = new("--encoding")
    {
        Description = "Input encoding: utf-8 (default; a BOM is skipped), gbk, gb18030, big5, shift_jis, euc-kr, utf-16, ... Output is always UTF-8.",
        HelpName = "name",
    };

    private readonly Option<bool> _replaceInvalid = new("--replace-invalid")
    {
        Description = "Replace invalid input byte sequences with U+FFFD instead of stopping with exit code 2.",
    };

    private readonly Option<bool> _jsonl = new("--jsonl")
    {
        Description = "Input is JSON Lines: process one string field of each object, keep everything else byte for byte. Runs on all cores, output in input order.",
    };

    private readonly Option<string> _field = new("--field")
    {
        Description = "With --jsonl: the field to process. With Parquet input: the string column (a.b for a nested one).",
        DefaultValueFactory = _ => "text",
        HelpName = "name",
    };

    private readonly Option<bool> _skipInvalid = new("--skip-invalid")
    {
        Description = "With --jsonl: pass lines that are not JSON objects through unchanged (counted in --stats) instead of stopping.",
    };

    private readonly Option<bool> _report = new("--report")
    {
        Description = "With --jsonl: add a \"textrepair\" field with changed, lossy and the edits. Without: print an account of the repair to stderr.",
    };

    private readonly Option<bool> _stats = new("--stats")
    {
        Description = "At the end, print to stderr: documents, changed, edits by kind, lossy.",
    };

    private readonly Corpora.CorporaOptions _corpora = new();
    private readonly bool _withJsonl;
    private readonly bool _withReport;

    public IoOptions(bool jsonl, bool report = false)
    {
        _withJsonl = jsonl;
        _withReport = report;

        // An unknown option would otherwise be taken for a file name.
        _files.Validators.Add(result =>
        {
            foreach (System.CommandLine.Parsing.Token token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(_files);
        command.Options.Add(_output);
        command.Options.Add(_inPlace);
        command.Options.Add(_recursive);
        command.Options.Add(_encoding);
        command.Options.Add(_replaceInvalid);
        if (_withJsonl)
        {
            command.Options.Add(_jsonl);
            command.Options.Add(_skipInvalid);
        }

        command.Options.Add(_field);
        _corpora.AddTo(command);

        if (_withReport)
        {
            command.Options.Add(_report);
        }

        command.Options.Add(_stats);
    }

    public RunSettings Read(ParseResult parse)
    {
        bool jsonl = _withJsonl && parse.GetValue(_jsonl);
        Corpora.RunSettingsCorpora corpora = _corpora.Read(parse);
        bool mayBeParquet = Corpora.CorporaOptions.MayBeParquet(corpora.FormatParquet, parse.GetValue(_files) ?? []);
        if (!jsonl && !mayBeParquet && parse.GetResult(_field) is { Implicit: false })
        {
            throw new CliException(_withJsonl ? "--field needs --jsonl or Parquet input" : "--field needs Parquet input");
        }

        if (!jsonl && _withJsonl)
        {
            if (parse.GetValue(_skipInvalid))
            {
                throw new CliException("--skip-invalid needs --jsonl");
            }
        }

        string field = parse.GetValue(_field) ?? "text";
        if (field.Length == 0)
        {
            throw new CliException("--field must not be empty");
        }

        bool replaceInvalid = parse.GetValue(_replaceInvalid);
        return new RunSettings
        {
            Inputs = parse.GetValue(_files) ?? [],
            Output = parse.GetValue(_output),
            InPlace = parse.GetValue(_inPlace),
            Recursive = parse.GetValue(_recursive),
            Encoding = ResolveEncoding(parse.GetValue(_encoding), replaceInvalid),
            EncodingName = parse.GetValue(_encoding),
            ReplaceInvalid = replaceInvalid,
            Jsonl = jsonl,
            Field = field,
            SkipInvalid = parse.GetValue(_skipInvalid),
            Report = _withReport && parse.GetValue(_report),
            Stats = parse.GetValue(_stats),
            Corpora = corpora,
        };
    }

    /// <summary>Null for UTF-8 (handled natively, with byte offsets in errors); otherwise a strict or replacing decoder.</summary>
    private static Encoding? ResolveEncoding(string? name, bool replaceInvalid)
    {
        if (name is null)
        {
            return null;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(
                name,
                EncoderFallback.ReplacementFallback,
                replaceInvalid ? new DecoderReplacementFallback("\uFFFD") : DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException exception)
        {
            throw new CliException($"unknown encoding '{name}' (try utf-8, gbk, gb18030, big5, shift_jis, euc-kr, utf-16)", ExitCodes.BadInput, exception);
        }

        return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
    }
}
