using TextRepair.Cli.IO;

namespace TextRepair.Cli;

/// <summary>
/// Checks the standard descriptors once at start-up. A descriptor the caller closed (<c>&gt;&amp;-</c>, <c>2&gt;&amp;-</c>)
/// is taken over by the runtime for an internal pipe before Main runs; writing there would abort the process. So:
/// with standard output closed, any output is an error ("write error: standard output is closed", exit 1); with
/// standard error closed, messages are dropped and the exit code alone tells.
/// </summary>
internal static class StandardStreams
{
    private static readonly bool[] s_usable = [true, true, true];

    public static void Initialize()
    {
        for (int descriptor = 0; descriptor <= 2; descriptor++)
        {
            s_usable[descriptor] = Posix.IsUsableStandardDescriptor(descriptor);
        }

        if (!s_usable[2])
        {
            Console.SetError(TextWriter.Null);
        }

        if (!s_usable[1])
        {
            Console.SetOut(new ClosedWriter());
        }
    }

    public static bool IsUsable(int descriptor) => s_usable[descriptor];

    /// <summary>Standard input and output carry <c>textrepair serve</c>'s protocol (<see cref="ReserveForProtocol"/>).</summary>
    public static bool IsReservedForProtocol { get; private set; }

    /// <summary>
    /// For <c>textrepair serve</c>: standard input and output carry its protocol, so from now on the commands it runs
    /// treat them as closed (reading or writing them is an error, not a corrupted answer).
    /// </summary>
    public static void ReserveForProtocol()
    {
        IsReservedForProtocol = true;
        s_usable[0] = false;
        s_usable[1] = false;
        Console.SetOut(new ClosedWriter());
    }

    /// <summary>Standard output when it was closed: every write fails with the tool's own message.</summary>
    private sealed class ClosedWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw Closed();

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                throw Closed();
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (count > 0)
            {
                throw Closed();
            }
        }

        private static CliException Closed() => new("write error: standard output is closed", ExitCodes.Failed);
    }
}
