namespace TextRepair.Cli;

/// <summary>
/// An error the user can act on: printed as one line on stderr, with the process exit code it maps to.
/// </summary>
internal class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.BadInput, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}

/// <summary>The exit codes of the tool, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was processed.</summary>
    public const int Success = 0;

    /// <summary>Processing failed (I/O error, unexpected failure).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or bad input (unknown option, missing file, invalid UTF-8, malformed JSONL line).</summary>
    public const int BadInput = 2;

    /// <summary>
    /// The reader of standard output went away (EPIPE, e.g. <c>| head</c>): the tool stops at once, silently, with the
    /// status a shell shows for cat or grep killed by SIGPIPE (128 + 13).
    /// </summary>
    public const int BrokenPipe = 141;
}
