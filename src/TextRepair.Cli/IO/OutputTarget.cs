using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TextRepair.Cli.IO;

/// <summary>
/// Where results go. Standard output and special files (devices, FIFOs, <c>/dev/stdout</c>) are written directly, as
/// shell redirection and <c>sort -o</c> do. A regular file is written atomically: a temporary file beside it (see
/// <see cref="TemporaryFiles"/>), flushed, given the owner, group and permissions of the file it replaces, then
/// renamed over it; a failure or a crash never leaves a half-written file. In place, a result equal to the input is
/// not written at all (the file keeps its inode and modification time).
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly string? _path;
    private readonly string? _displayName;
    private readonly string? _temporaryPath;
    private readonly FileStatus? _replaced;
    private readonly bool _skipIfUnchanged;
    private readonly NamedOutputStream _named;
    private Stream? _stream;
    private bool _committed;

    private OutputTarget(Stream stream, string name, string? path = null, string? temporaryPath = null, FileStatus? replaced = null, bool skipIfUnchanged = false)
    {
        _stream = stream;
        _named = new NamedOutputStream(stream, name);
        _displayName = name;
        _path = path;
        _temporaryPath = temporaryPath;
        _replaced = replaced;
        _skipIfUnchanged = skipIfUnchanged;
    }

    /// <summary>The stream to write; its failures are <see cref="CliException"/>s naming the output (EPIPE excepted).</summary>
    public Stream Stream => _stream is null ? throw new ObjectDisposedException(nameof(OutputTarget)) : _named;

    /// <summary>
    /// In place, the encoding the result is written in when it is the input's own: a result whose bytes differ from
    /// the file's but whose text in this encoding is the same is not written either (see <see cref="SameText"/>).
    /// </summary>
    public Encoding? SameTextIn { get; set; }

    /// <summary>Whether the last <see cref="Commit"/> left the file as it was (its content did not change).</summary>
    public bool Unchanged { get; private set; }

    /// <summary>Standard output, unbuffered, reporting a closed pipe as an error (the console stream ignores it).</summary>
    public static OutputTarget StandardOutput() => new(OpenDescriptor(1, "standard output"), "standard output");

    /// <summary>Whether <paramref name="path"/> names an inherited descriptor or a special file (written directly).</summary>
    public static bool IsDirect(string path) =>
        DescriptorPath(path) is not null || Posix.TryStat(path) is { Kind: not FileKind.Regular and not FileKind.Directory };

    /// <summary>The target of <c>--output</c>: written directly when it is not a regular file, atomically otherwise.</summary>
    public static OutputTarget ForOutput(string path)
    {
        if (DescriptorPath(path) is { } descriptor)
        {
            return new OutputTarget(OpenDescriptor(descriptor, path), path);
        }

        if (Posix.TryStat(path) is { Kind: not FileKind.Regular and not FileKind.Directory })
        {
            return new OutputTarget(IoErrors.Run(path, () => new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0), writing: true), path);
        }

        return Atomic(path, skipIfUnchanged: false);
    }

    /// <summary>An input replaced in place (a regular file: the caller has checked).</summary>
    public static OutputTarget InPlace(string path) => Atomic(path, skipIfUnchanged: true);

    private static OutputTarget Atomic(string path, bool skipIfUnchanged)
    {
        // Through a symbolic link, replace the file it points to, not the link.
        var file = new FileInfo(path);
        string fullPath = IoErrors.Run(path, () => file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName);
        if (Directory.Exists(fullPath))
        {
            throw new CliException($"{path}: is a directory", ExitCodes.Failed);
        }

        FileStatus? replaced = Posix.TryStat(fullPath);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporaryPath = string.Empty;
        FileStream stream = IoErrors.Run(path, () => TemporaryFiles.Create(directory, out temporaryPath), writing: true);
        return new OutputTarget(stream, path, fullPath, temporaryPath, replaced, skipIfUnchanged);
    }

    /// <summary>Flushes the data; for a file, gives the temporary file the old file's metadata and renames it into place.</summary>
    public void Commit()
    {
        Stream stream = _stream ?? throw new ObjectDisposedException(nameof(OutputTarget));
        if (_temporaryPath is null || _path is null)
        {
            _named.Flush();
            return;
        }

        string name = _displayName!;
        string temporaryPath = _temporaryPath;
        IoErrors.Run(name, () => ((FileStream)stream).Flush(flushToDisk: true), writing: true);
        stream.Dispose();
        _stream = null;
        if (_skipIfUnchanged && (SameContent(temporaryPath, _path) || (SameTextIn is { } encoding && SameText(temporaryPath, _path, encoding))))
        {
            TemporaryFiles.Delete(temporaryPath);
            _committed = true;
            Unchanged = true;
            return;
        }

        if (_replaced is { } old && !OperatingSystem.IsWindows())
        {
            CopyMetadata(old, temporaryPath, name);
        }
        else if (!OperatingSystem.IsWindows() && File.Exists(_path))
        {
            File.SetUnixFileMode(temporaryPath, File.GetUnixFileMode(_path));
        }

        IoErrors.Run(name, () => File.Move(temporaryPath, _path, overwrite: true), writing: true);
        _committed = true;
        TemporaryFiles.Forget(temporaryPath);
    }

    /// <summary>Closes the output; an uncommitted temporary file is deleted and the target left as it was.</summary>
    public void Dispose()
    {
        Stream? stream = _stream;
        _stream = null;
        if (_temporaryPath is null)
        {
            try
            {
                stream?.Flush();
            }
            catch (IOException)
            {
                // Already reported by the write that failed (a closed pipe, a full device).
            }

            return;
        }

        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // A full disk fails the final flush: the temporary file is deleted below.
        }

        if (!_committed)
        {
            TemporaryFiles.Delete(_temporaryPath);
        }
    }

    // Owner and group first: chown may clear the set-user-ID and set-group-ID bits, which the mode then restores.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CopyMetadata(FileStatus old, string temporaryPath, string name)
    {
        if (Posix.TryStat(temporaryPath) is { } created && (created.Owner != old.Owner || created.Group != old.Group))
        {
            int error = Posix.ChangeOwner(temporaryPath, old.Owner, old.Group);
            if (error != 0)
            {
                throw new CliException($"{name}: cannot keep the owner and group of the file: {Posix.Describe(error)}", ExitCodes.Failed);
            }
        }

        IoErrors.Run(name, () => File.SetUnixFileMode(temporaryPath, old.Permissions), writing: true);
    }

    private static bool SameContent(string first, string second)
    {
        using var a = new FileStream(first, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        using var b = new FileStream(second, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        if (a.Length != b.Length)
        {
            return false;
        }

        byte[] left = new byte[1 << 16];
        byte[] right = new byte[1 << 16];
        while (true)
        {
            int read = a.ReadAtLeast(left, left.Length, throwOnEndOfStream: false);
            int other = b.ReadAtLeast(right, right.Length, throwOnEndOfStream: false);
            if (read != other || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, other)))
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Whether two files decode to the same text in <paramref name="encoding"/>. A legacy code page can give two byte
    /// sequences the same character and its encoder writes back only one: WHATWG's Big5 decodes 0xA2A4 and 0xF9F9 to
    /// U+2550 (and five more such pairs) and encodes 0xF9F9, so a Big5 table drawn with 0xA2A4 came back changed. A file whose text
    /// did not change was rewritten with other bytes in place (session 31). An input that does not decode (bytes
    /// replaced with <c>--replace-invalid</c>) is a change. UTF-8, UTF-16 and UTF-32 have one sequence per character.
    /// </summary>
    private static bool SameText(string first, string second, Encoding encoding)
    {
        if (encoding.CodePage is 65001 or 1200 or 1201 or 12000 or 12001)
        {
            return false;
        }

        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        using var a = new StreamReader(Open(first), strict, detectEncodingFromByteOrderMarks: false);
        using var b = new StreamReader(Open(second), strict, detectEncodingFromByteOrderMarks: false);
        char[] left = new char[1 << 15];
        char[] right = new char[1 << 15];
        try
        {
            while (true)
            {
                int read = a.ReadBlock(left);
                int other = b.ReadBlock(right);
                if (read != other || !left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, other)))
                {
                    return false;
                }

                if (read == 0)
                {
                    return true;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
    }

    /// <summary>The descriptor named by <c>/dev/stdout</c>, <c>/dev/stderr</c>, <c>/dev/fd/N</c> or <c>/proc/self/fd/N</c>.</summary>
    private static int? DescriptorPath(string path)
    {
        switch (path)
        {
            case "/dev/stdout":
                return 1;
            case "/dev/stderr":
                return 2;
        }

        foreach (string prefix in (string[])["/dev/fd/", "/proc/self/fd/"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(path.AsSpan(prefix.Length), out int descriptor) && descriptor >= 0)
            {
                return descriptor;
            }
        }

        return null;
    }

    private static Stream OpenDescriptor(int descriptor, string name)
    {
        if (descriptor == 1 && StandardStreams.IsReservedForProtocol)
        {
            // Session 29: "write error: /dev/stdout is closed" (exit 1), while it is open and carries the answers.
            throw new CliException($"serve: a request must write to files (--output or --in-place), not {name}: standard output carries the answers");
        }

        if (descriptor <= 2 && !StandardStreams.IsUsable(descriptor))
        {
            throw new CliException($"write error: {name} is closed", ExitCodes.Failed);
        }

        if (Posix.IsSupported)
        {
            return new DescriptorStream(descriptor);
        }

        return IoErrors.Run(name, () => new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0), writing: true);
    }
}
