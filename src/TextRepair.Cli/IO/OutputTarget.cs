using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace TextRepair.Cli.IO;

/// <summary>
/// Where results go: standard output, or a file written atomically (a temporary file beside it, flushed, then renamed
/// over it), so that a failure or a crash never leaves a half-written file and never touches the original.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    // Temporary files being written, removed if the process is interrupted (SIGINT, SIGTERM, SIGHUP).
    private static readonly ConcurrentDictionary<string, byte> s_temporaryFiles = new();
    private static readonly PosixSignalRegistration[] s_signalHandlers =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DeleteTemporaryFiles()),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DeleteTemporaryFiles()),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => DeleteTemporaryFiles()),
    ];

    private readonly string? _path;
    private readonly string? _temporaryPath;
    private Stream? _stream;
    private bool _committed;

    private OutputTarget(Stream stream, string? path, string? temporaryPath)
    {
        _stream = stream;
        _path = path;
        _temporaryPath = temporaryPath;
    }

    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(OutputTarget));

    public bool IsStandardOutput => _path is null;

    public static OutputTarget StandardOutput() => new(Console.OpenStandardOutput(), null, null);

    /// <summary>Starts writing <paramref name="path"/>; nothing is visible there until <see cref="Commit"/>.</summary>
    public static OutputTarget AtomicFile(string path)
    {
        // Through a symbolic link, replace the file it points to, not the link.
        var file = new FileInfo(path);
        string fullPath = file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporaryPath = Path.Combine(
            directory, "." + Path.GetFileName(fullPath) + "." + Path.GetRandomFileName() + ".textrepair-tmp");
        GC.KeepAlive(s_signalHandlers);
        var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        s_temporaryFiles.TryAdd(temporaryPath, 0);
        return new OutputTarget(stream, fullPath, temporaryPath);
    }

    /// <summary>Flushes the data to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        Stream stream = Stream;
        if (_path is null || _temporaryPath is null)
        {
            stream.Flush();
            return;
        }

        ((FileStream)stream).Flush(flushToDisk: true);
        stream.Dispose();
        _stream = null;
        if (!OperatingSystem.IsWindows() && File.Exists(_path))
        {
            // Keep the permissions of the file being replaced.
            File.SetUnixFileMode(_temporaryPath, File.GetUnixFileMode(_path));
        }

        File.Move(_temporaryPath, _path, overwrite: true);
        _committed = true;
        s_temporaryFiles.TryRemove(_temporaryPath, out _);
    }

    /// <summary>Closes the output; an uncommitted temporary file is deleted and the target left as it was.</summary>
    public void Dispose()
    {
        Stream? stream = _stream;
        _stream = null;
        if (_path is null)
        {
            stream?.Flush();
            return;
        }

        stream?.Dispose();
        if (!_committed && _temporaryPath is not null)
        {
            TryDelete(_temporaryPath);
            s_temporaryFiles.TryRemove(_temporaryPath, out _);
        }
    }

    private static void DeleteTemporaryFiles()
    {
        foreach (string path in s_temporaryFiles.Keys)
        {
            TryDelete(path);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the target is intact either way.
        }
    }
}
