using System.CommandLine;
using System.Text;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary>The input/output options, created once per command (System.CommandLine symbols belong to one parent).</summary>
internal sealed class IoOptions
{
    private readonly Argument<string[]> _files = new("FILE")
    {
        Description = "Input files (standard input when none, or \"-\"). Directories need --recursive. \"--\" ends the options.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Write to this file instead of standard output: a regular file atomically (a temporary file beside it, then a rename), a device or FIFO directly.",
        HelpName = "file",
    };

    private readonly Option<bool> _inPlace = new("--in-place", "-i")
    {
        Description = "Replace each input file (regular files only) with its result, atomically, keeping owner, group, mode and encoding; unchanged files are not rewritten.",
    };

    private readonly Option<bool> _recursive = new("--recursive", "-r")
    {
        Description = "Process the files in directories given as inputs, recursively, in ordinal path order; skips hidden names, what .gitignore/.ignore exclude, and binary files.",
    };

    private readonly Option<bool> _hidden = new("--hidden")
    {
        Description = "With --recursive: also process names starting with a dot (.git, .hg, .svn stay skipped unless --no-ignore too).",
    };

    private readonly Option<bool> _noIgnore = new("--no-ignore")
    {
        Description = "With --recursive: do not read .gitignore, .ignore and .git/info/exclude.",
    };

    private readonly Option<string> _encoding = new("--encoding")
    {
        Description = "Input encoding: utf-8 (default), gbk, gb18030, big5, shift_jis, euc-kr, utf-16 (byte order from the BOM), a code page (936), ... A BOM is skipped. \"auto\": each input in the encoding detected from its first MiB (binary files are skipped; --stats and --report name it).",
        HelpName = "name",
    };

    private readonly Option<string> _outputEncoding = new("--output-encoding")
    {
        Description = "Output encoding: utf-8 (default; in place: same), \"same\" (the input's, with its BOM), or any --encoding name. Characters it cannot represent are an error.",
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

    private readonly Corpora.CorporaOptions _corpora;
    private readonly bool _withJsonl;
    private readonly bool _withReport;
    private readonly bool _writesText;

    /// <param name="jsonl">The command has --jsonl, --field and --skip-invalid.</param>
    /// <param name="report">The command has --report.</param>
    /// <param name="writesText">
    /// The command writes text derived from its inputs (--in-place and --output-encoding make sense); false for a
    /// command that writes a report about them (detect), which never writes over an input.
    /// </param>
    /// <param name="format">
    /// The command's <c>--format</c> when it has one (documents, which accepts <c>parquet</c>); otherwise the command
    /// gets a <c>--format</c> that accepts only <c>parquet</c>.
    /// </param>
    public IoOptions(bool jsonl, bool report = false, bool writesText = true, Option<string>? format = null)
    {
        _corpora = new Corpora.CorporaOptions(format);
        _withJsonl = jsonl;
        if (!jsonl)
        {
            // Session 29: detect's help described --field "With --jsonl", an option detect does not have.
            _field.Description = "With Parquet input: the string column to analyse (a.b for a nested one).";
        }

        _withReport = report;
        _writesText = writesText;
        if (!writesText)
        {
            // Kept so that the refusal is explained rather than "unrecognized option".
            _inPlace.Hidden = true;
        }
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(_files);
        command.Options.Add(_output);
        command.Options.Add(_inPlace);
        command.Options.Add(_recursive);
        command.Options.Add(_hidden);
        command.Options.Add(_noIgnore);
        command.Options.Add(_encoding);
        if (_writesText)
        {
            command.Options.Add(_outputEncoding);
        }

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
        string[] files = Operands.Read(parse, _files);
        bool jsonl = _withJsonl && parse.GetValue(_jsonl);
        Corpora.RunSettingsCorpora corpora = _corpora.Read(parse);
        bool mayBeParquet = Corpora.CorporaOptions.MayBeParquet(corpora, files);
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

        if (!_writesText && parse.GetValue(_inPlace))
        {
            throw new CliException("detect writes a report, never over its inputs: --in-place is refused (use --output FILE)");
        }

        string field = parse.GetValue(_field) ?? "text";
        if (field.Length == 0)
        {
            throw new CliException("--field must not be empty");
        }

        string? encodingName = parse.GetValue(_encoding);
        string? outputEncodingName = _writesText ? parse.GetValue(_outputEncoding) : null;
        bool same = string.Equals(outputEncodingName, EncodingNames.Same, StringComparison.OrdinalIgnoreCase);
        bool auto = string.Equals(encodingName?.Trim(), EncodingNames.Auto, StringComparison.OrdinalIgnoreCase);
        Encoding? encoding = encodingName is null || auto ? null : EncodingNames.Resolve(encodingName, "--encoding");
        return new RunSettings
        {
            Inputs = files,
            Output = parse.GetValue(_output),
            InPlace = parse.GetValue(_inPlace),
            Recursive = parse.GetValue(_recursive),
            Walk = new WalkOptions
            {
                Hidden = parse.GetValue(_hidden),
                NoIgnore = parse.GetValue(_noIgnore),
                // With auto the detector tells binary files (and UTF-16 without a BOM, NULs and all) from text.
                CodePage = auto ? 1200 : encoding?.CodePage ?? 65001,
                AllParquet = corpora.FormatParquet,
                ParquetByName = corpora.ParquetByName && mayBeParquet,
            },
            Encoding = encoding is { CodePage: 65001 } ? null : encoding,
            AutoEncoding = auto,
            OutputEncoding = outputEncodingName is null || same ? null : EncodingNames.Resolve(outputEncodingName, "--output-encoding"),
            OutputEncodingSame = same,
            ReplaceInvalid = parse.GetValue(_replaceInvalid),
            Jsonl = jsonl,
            Field = field,
            SkipInvalid = parse.GetValue(_skipInvalid),
            Report = _withReport && parse.GetValue(_report),
            Stats = parse.GetValue(_stats),
            Corpora = corpora,
            WritesReport = !_writesText,
        };
    }
}
