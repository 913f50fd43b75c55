using System.CommandLine;

namespace TextRepair.Cli.Corpora;

/// <summary>
/// The options for corpora: Parquet input (<c>--format</c>), fault isolation (<c>--max-errors</c>) and resumable
/// directory runs (<c>--skip-existing</c>). Registered by <see cref="Commands.IoOptions"/>.
/// </summary>
internal sealed class CorporaOptions
{
    private readonly Option<string> _format = new("--format")
    {
        Description = "Input format when the file name does not tell: parquet (files named *.parquet are Parquet: --field names the string column, nested as a.b).",
        HelpName = "format",
    };

    private readonly Option<long?> _maxErrors = new("--max-errors")
    {
        Description = "Stop once more than N records failed. A record the library fails on is passed through unchanged, reported on stderr (file and line or row) and makes the exit code 1. Default: no limit.",
        HelpName = "N",
    };

    private readonly Option<bool> _skipExisting = new("--skip-existing")
    {
        Description = "With --output DIR: skip inputs whose output exists already (outputs appear only when complete, so re-running a killed job resumes it).",
    };

    public CorporaOptions()
    {
        _format.AcceptOnlyFromAmong(ParquetFormat);
        _maxErrors.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is < 0)
            {
                result.AddError("--max-errors must be 0 or more.");
            }
        });
    }

    public const string ParquetFormat = "parquet";

    public void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_maxErrors);
        command.Options.Add(_skipExisting);
    }

    /// <summary>Whether Parquet was asked for with --format.</summary>
    public bool IsParquet(ParseResult parse) => parse.GetValue(_format) == ParquetFormat;

    public RunSettingsCorpora Read(ParseResult parse) => new(
        parse.GetValue(_format) == ParquetFormat,
        parse.GetValue(_maxErrors),
        parse.GetValue(_skipExisting));

    /// <summary>Whether any input may be Parquet: --format parquet or a *.parquet operand (files are checked again when opened).</summary>
    public static bool MayBeParquet(bool formatParquet, IEnumerable<string> operands) =>
        formatParquet || operands.Any(operand => Directory.Exists(operand) || IsParquetName(operand));

    public static bool IsParquetName(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The corpora settings of a run.</summary>
internal sealed record RunSettingsCorpora(bool FormatParquet, long? MaxErrors, bool SkipExisting);
