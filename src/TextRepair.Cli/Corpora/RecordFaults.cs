using System.Globalization;

namespace TextRepair.Cli.Corpora;

/// <summary>
/// A record on which the library threw, or that is bad input (<paramref name="BadInput"/>: invalid UTF-8 in a Parquet
/// string value): where it is in its block, and why (one line).
/// </summary>
internal readonly record struct RecordFault(long Index, string Message, bool BadInput = false)
{
    /// <summary>The message written to stderr and into the record's report: the exception type and its message.</summary>
    public static string Describe(Exception exception) =>
        exception.GetType().Name + ": " + Program.OneLine(exception.Message);
}

/// <summary>
/// Counts the records the library failed on during a run (each passed through unchanged), reports each on stderr with
/// its file and line or row, and stops the run once there are more than <c>--max-errors</c>. Used from the writing
/// thread only.
/// </summary>
internal sealed class RecordFaults
{
    private readonly long? _maxErrors;

    public RecordFaults(long? maxErrors)
    {
        _maxErrors = maxErrors;
    }

    /// <summary>Records isolated so far in the whole run.</summary>
    public long Count { get; private set; }

    /// <summary>Of <see cref="Count"/>, the records that were bad input rather than a failure of the library.</summary>
    public long BadInput { get; private set; }

    /// <summary>The exit code of a run that went on past its faults: bad input (2) only when no fault was the library's.</summary>
    public int ExitCode => Count == 0 ? ExitCodes.Success : Count > BadInput ? ExitCodes.Failed : ExitCodes.BadInput;

    /// <summary>Reports one fault; <paramref name="location"/> is e.g. "data.jsonl:17" or "data.parquet: row 17".</summary>
    public void Report(string location, string message, bool badInput = false)
    {
        Count++;
        BadInput += badInput ? 1 : 0;
        Console.Error.WriteLine($"textrepair: {location}: error: {message} (record passed through unchanged)");
        if (Count > _maxErrors)
        {
            throw new CliException(
                string.Create(CultureInfo.InvariantCulture, $"stopped after {Count} records failed (--max-errors {_maxErrors})"),
                ExitCodes.Failed);
        }
    }
}
