using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TextRepair.Cli.IO;

/// <summary>
/// The temporary files written beside an output before it is renamed into place. Their names are short and fixed in
/// form, <c>.textrepair-XXXXXXXX.tmp</c> (eight lower-case letters or digits), so that a name close to the file
/// system's limit still gets a temporary file, and so that leftovers of a killed run are recognised: <c>-r</c> skips
/// them, and the next run that writes into the same directory deletes them when they are provably abandoned (see
/// <see cref="CleanUp"/>). Thread-safe.
/// </summary>
internal static class TemporaryFiles
{
    public const string Prefix = ".textrepair-";
    public const string Suffix = ".tmp";
    private const int RandomLength = 8;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly System.Buffers.SearchValues<char> s_alphabet = System.Buffers.SearchValues.Create(Alphabet);

    // Temporary files being written, removed if the process is interrupted (SIGINT, SIGTERM, SIGHUP).
    private static readonly ConcurrentDictionary<string, byte> s_live = new();
    private static readonly ConcurrentDictionary<string, byte> s_cleaned = new();
    private static readonly PosixSignalRegistration[] s_signalHandlers =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DeleteLive()),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DeleteLive()),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => DeleteLive()),
    ];

    private static readonly DateTime s_processStart = GetProcessStart();

    /// <summary>Whether <paramref name="fileName"/> has the form of our temporary files.</summary>
    public static bool IsTemporaryName(ReadOnlySpan<char> fileName)
    {
        if (fileName.Length != Prefix.Length + RandomLength + Suffix.Length
            || !fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        return !fileName.Slice(Prefix.Length, RandomLength).ContainsAnyExcept(s_alphabet);
    }

    /// <summary>
    /// Creates a new temporary file in <paramref name="directory"/>, open for writing and locked (so that no other run
    /// takes it for a leftover), and registers it for deletion on interruption.
    /// </summary>
    public static FileStream Create(string directory, out string path)
    {
        GC.KeepAlive(s_signalHandlers);
        CleanUp(directory);
        while (true)
        {
            path = Path.Combine(directory, Prefix + RandomName() + Suffix);
            try
            {
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
                s_live.TryAdd(path, 0);
                return stream;
            }
            catch (IOException) when (File.Exists(path))
            {
                // A name collision (36^8 names): draw again.
            }
        }
    }

    /// <summary>The temporary file was renamed or deleted.</summary>
    public static void Forget(string path) => s_live.TryRemove(path, out _);

    /// <summary>Deletes a temporary file, best effort.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The target is intact either way; a leftover is removed by the next run.
        }

        Forget(path);
    }

    /// <summary>
    /// Deletes, once per run and directory, the leftovers of killed runs: regular files (not links) named like ours,
    /// owned by this user, last modified before this process started, and not locked by a run still writing them.
    /// </summary>
    public static void CleanUp(string directory)
    {
        if (!s_cleaned.TryAdd(Path.GetFullPath(directory), 0))
        {
            return;
        }

        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, Prefix + "*" + Suffix);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (string candidate in candidates)
        {
            if (IsTemporaryName(Path.GetFileName(candidate)) && !s_live.ContainsKey(candidate) && IsAbandoned(candidate))
            {
                TryDeleteLocked(candidate);
            }
        }
    }

    private static bool IsAbandoned(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null || info.LastWriteTimeUtc >= s_processStart)
            {
                return false;
            }

            return Posix.TryStat(path, noFollow: true) is not { } status
                || (status.Kind == FileKind.Regular && status.Owner == Posix.EffectiveUser);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDeleteLocked(string path)
    {
        try
        {
            // A run still writing the file holds its lock: opening it exclusively fails then, and the file is kept.
            using var locked = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // In use or not ours to delete.
        }
    }

    private static string RandomName()
    {
        Span<char> name = stackalloc char[RandomLength];
        for (int i = 0; i < name.Length; i++)
        {
            name[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        }

        return new string(name);
    }

    private static void DeleteLive()
    {
        foreach (string path in s_live.Keys)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort while being interrupted.
            }
        }
    }

    private static DateTime GetProcessStart()
    {
        try
        {
            using Process self = Process.GetCurrentProcess();
            return self.StartTime.ToUniversalTime();
        }
        catch (Exception exception) when (exception is InvalidOperationException or PlatformNotSupportedException or System.ComponentModel.Win32Exception)
        {
            return DateTime.UtcNow;
        }
    }
}
