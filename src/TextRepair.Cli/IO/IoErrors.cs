namespace TextRepair.Cli.IO;

/// <summary>
/// Turns .NET's I/O exceptions into one-line messages in the words of the system (strerror), naming the file the user
/// gave, never a temporary file or .NET wording. A closed pipe is left as it is: the command stops quietly on it.
/// </summary>
internal static class IoErrors
{
    /// <summary>EPIPE: the reader of a pipe went away.</summary>
    public const int BrokenPipe = 32;

    // On Unix, .NET gives its IOExceptions the error number as HResult; anything above is an HRESULT proper.
    private const int MaxErrorNumber = 4095;

    public static T Run<T>(string name, Func<T> action, bool writing = false)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (Describe(exception) is { } description)
        {
            throw new CliException($"{name}: {description}", writing ? ExitCodes.Failed : ExitCodes.BadInput, exception);
        }
    }

    public static void Run(string name, Action action, bool writing = false) => Run(
        name,
        () =>
        {
            action();
            return 0;
        },
        writing);

    public static bool IsBrokenPipe(Exception exception) => exception is IOException { HResult: BrokenPipe };

    /// <summary>A short description of an I/O failure, or null when <paramref name="exception"/> is not one (or is EPIPE).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        CliException => null,
        _ when IsBrokenPipe(exception) => null,
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        PathTooLongException => "file name too long",
        IOException { HResult: > 0 and <= MaxErrorNumber } io => Lower(Posix.Describe(io.HResult)),
        IOException => "input/output error",
        _ => null,
    };

    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}

/// <summary>An output stream whose write failures name the output the user gave (see <see cref="IoErrors"/>).</summary>
internal sealed class NamedOutputStream : Stream
{
    private readonly Stream _inner;
    private readonly string _name;

    private long _written;

    public NamedOutputStream(Stream inner, string name)
    {
        _inner = inner;
        _name = name;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    /// <summary>The bytes written through this stream (Parquet writers ask for it); it cannot be set.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Flush() => IoErrors.Run(_name, _inner.Flush, writing: true);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
            _written += buffer.Length;
        }
        catch (Exception exception) when (IoErrors.Describe(exception) is { } description)
        {
            throw new CliException($"{_name}: {description}", ExitCodes.Failed, exception);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
