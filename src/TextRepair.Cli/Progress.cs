using System.Diagnostics;
using System.Globalization;

namespace TextRepair.Cli;

/// <summary>
/// The progress line on stderr (bytes, rate, ETA). Shown only when stderr is a terminal and the total size is known,
/// so it never ends up in a log or a pipe. Used from one thread.
/// </summary>
internal sealed class Progress
{
    private static readonly long s_interval = Stopwatch.Frequency / 5;

    private readonly long _total;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _done;
    private long _lastShown;
    private int _lastWidth;

    private Progress(long total)
    {
        _total = total;
    }

    /// <summary>A progress line for <paramref name="totalBytes"/>, or null when it should not be shown.</summary>
    public static Progress? Create(long? totalBytes) =>
        totalBytes is > 0 && !Console.IsErrorRedirected ? new Progress(totalBytes.Value) : null;

    public void Advance(long bytes)
    {
        _done += bytes;
        long now = Stopwatch.GetTimestamp();
        if (now - _lastShown < s_interval)
        {
            return;
        }

        _lastShown = now;
        double seconds = Stopwatch.GetElapsedTime(_started, now).TotalSeconds;
        double rate = seconds > 0 ? _done / seconds : 0;
        string eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, (_total - _done) / rate)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "?";
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{_done / 1e6:F1} / {_total / 1e6:F1} MB  {Math.Min(100.0, 100.0 * _done / _total):F0}%  {rate / 1e6:F1} MB/s  ETA {eta}");
        Console.Error.Write("\r" + line.PadRight(_lastWidth));
        _lastWidth = line.Length;
    }

    /// <summary>Erases the line.</summary>
    public void Finish()
    {
        if (_lastWidth > 0)
        {
            Console.Error.Write("\r" + new string(' ', _lastWidth) + "\r");
            _lastWidth = 0;
        }
    }
}
