using System.CommandLine;

namespace TextRepair.Cli.Corpora;

/// <summary>
/// The options for corpora: Parquet input (<c>--format</c>), fault isolation (<c>--max-errors</c>) and resumable
/// directory runs (<c>--skip-existing</c>). Registered by <see cref="Commands.IoOptions"/>.
/// </summary>
internal sealed class CorporaOptions
{
    // The command's --format: the document formats plus parquet (convert, repair), or parquet alone (detect).
    private readonly Option<string> _format;
    private readonly bool _ownsFormat;

    private readonly Option<long?> _maxErrors = new("--max-errors")
    {
        Description = "Stop once more than N records failed. A record the library fails on is passed through unchanged, reported on stderr (file and line or row) and makes the exit code 1. Default: no limit.",
        HelpName = "N",
    };

    private readonly Option<bool> _skipExisting = new("--skip-existing")
    {
        Description = "With --output DIR: skip inputs whose output exists already (outputs appear only when complete, so re-running a killed job resumes it).",
    };

    /// <param name="format">
    /// The command's own <c>--format</c> (the documents option, which accepts <c>parquet</c> too), or null: then a
    /// <c>--format</c> accepting only <c>parquet</c> is added.
    /// </param>
    public CorporaOptions(Option<string>? format = null)
    {
        _ownsFormat = format is null;
        _format = format ?? new Option<string>("--format")
        {
            Description = "Input format when the file name does not tell: parquet (files named *.parquet are Parquet: --field names the string column, nested as a.b).",
            HelpName = "format",
        };
        if (_ownsFormat)
        {
            _format.AcceptOnlyFromAmong(ParquetFormat);
        }

        _maxErrors.Validators.Add(result =>
        {
            // From the token: asked for the value of a token that does not parse (a number past long's range), the
            // validator threw, and the parse error became exit 1 with .NET's type name (session 12). Such a token is
            // left to the parser, which reports it as bad usage.
            if (result.Tokens is [{ } token] && long.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out long value) && value < 0)
            {
                result.AddError("--max-errors must be 0 or more.");
            }
        });
    }

    public const string ParquetFormat = "parquet";

    /// <summary>The documents option's "decide by extension and content", under which *.parquet files are Parquet.</summary>
    public const string AutoFormat = "auto";

    public void AddTo(Command command)
    {
        if (_ownsFormat)
        {
            command.Options.Add(_format);
        }

        command.Options.Add(_maxErrors);
        command.Options.Add(_skipExisting);
    }

    /// <summary>Whether Parquet was asked for with --format.</summary>
    public bool IsParquet(ParseResult parse) => parse.GetValue(_format) == ParquetFormat;

    public RunSettingsCorpora Read(ParseResult parse)
    {
        string? format = parse.GetValue(_format);
        return new(
            format == ParquetFormat,
            parse.GetValue(_maxErrors),
            parse.GetValue(_skipExisting),
            ParquetByName: format is null or AutoFormat);
    }

    /// <summary>
    /// Whether any input may be Parquet: --format parquet, or (with no --format or --format auto) a *.parquet operand
    /// or a directory (files are checked again when opened).
    /// </summary>
    public static bool MayBeParquet(RunSettingsCorpora settings, IEnumerable<string> operands) =>
        settings.FormatParquet || (settings.ParquetByName && operands.Any(operand => Directory.Exists(operand) || IsParquetName(operand)));

    public static bool IsParquetName(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The corpora settings of a run.</summary>
/// <param name="FormatParquet">--format parquet: every input is Parquet.</param>
/// <param name="MaxErrors">--max-errors.</param>
/// <param name="SkipExisting">--skip-existing.</param>
/// <param name="ParquetByName">No --format or --format auto: files named *.parquet are Parquet.</param>
internal sealed record RunSettingsCorpora(bool FormatParquet, long? MaxErrors, bool SkipExisting, bool ParquetByName = true);
