using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TextRepair.Cli.IO;

/// <summary>What <c>statx</c> says about a file: its type, identity, owner and permissions.</summary>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, uint Mode, uint Owner, uint Group, long Size, long ModifiedNanoseconds)
{
    /// <summary>The permission bits (including set-user-ID, set-group-ID and sticky).</summary>
    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);

    /// <summary>The same file (device and inode), whatever the path that leads to it.</summary>
    public bool IsSameFile(in FileStatus other) => Device == other.Device && Inode == other.Inode;
}

internal enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// The few POSIX calls .NET does not expose: the type, identity and owner of a file, changing an owner, and the state
/// of the standard descriptors. Linux (glibc 2.28 or later, musl 1.2.5) only; elsewhere the callers fall back to
/// what .NET offers. Thread-safe.
/// </summary>
internal static partial class Posix
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private const int StatxBufferSize = 256;
    private const int FcntlGetDescriptorFlags = 1;
    private const int FcntlGetStatusFlags = 3;
    private const int CloseOnExec = 1;
    private const int AccessModeMask = 3;
    private const int ReadOnly = 0;
    private const int WriteOnly = 1;

    /// <summary>Whether the calls below are available (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>
    /// True when the two paths lead to the same file: by device and inode when both exist, else by full path (a file
    /// not yet written can only be the same as the same path).
    /// </summary>
    public static bool IsSameFile(string first, string second) =>
        TryStat(first) is { } a && TryStat(second) is { } b
            ? a.IsSameFile(b)
            : string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), StringComparison.Ordinal);

    /// <summary>The status of <paramref name="path"/> (following symbolic links unless <paramref name="noFollow"/>), or null if it cannot be read.</summary>
    public static FileStatus? TryStat(string path, bool noFollow = false)
    {
        if (!IsSupported)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxBufferSize];
        return Statx(AtFdCwd, path, noFollow ? AtSymlinkNoFollow : 0, StatxBasicStats, buffer) == 0 ? Parse(buffer) : null;
    }

    /// <summary>The status of an open descriptor, or null if it is not open.</summary>
    public static FileStatus? TryStat(int descriptor)
    {
        if (!IsSupported)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxBufferSize];
        return Statx(descriptor, string.Empty, AtEmptyPath, StatxBasicStats, buffer) == 0 ? Parse(buffer) : null;
    }

    /// <summary>Gives <paramref name="path"/> the owner and group; returns the error number, 0 on success.</summary>
    public static int ChangeOwner(string path, uint owner, uint group) =>
        Chown(path, owner, group) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>
    /// Whether a standard descriptor can be written (1, 2) or read (0). A descriptor closed by the caller
    /// (<c>&gt;&amp;-</c>, <c>&lt;&amp;-</c>) is reused by the runtime for an internal pipe before Main runs, so "open"
    /// is not enough: its access mode must fit, and it must not be close-on-exec. The runtime opens its pipes
    /// close-on-exec, and an inherited descriptor cannot be (exec would have closed it): the read end of such a pipe
    /// reused as descriptor 0 has the right access mode, and reading it waited forever (session 12).
    /// </summary>
    public static bool IsUsableStandardDescriptor(int descriptor)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return true;
        }

        int flags = Fcntl(descriptor, FcntlGetStatusFlags);
        int descriptorFlags = Fcntl(descriptor, FcntlGetDescriptorFlags);
        if (flags < 0 || descriptorFlags < 0 || (descriptorFlags & CloseOnExec) != 0)
        {
            return false;
        }

        int access = flags & AccessModeMask;
        return descriptor == 0 ? access != WriteOnly : access != ReadOnly;
    }

    /// <summary>The system's description of an error number (strerror).</summary>
    public static string Describe(int errorNumber) => Marshal.GetPInvokeErrorMessage(errorNumber);

    private static FileStatus Parse(ReadOnlySpan<byte> buffer)
    {
        // struct statx (include/uapi/linux/stat.h): the same layout on every architecture.
        uint owner = BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]);
        uint group = BinaryPrimitives.ReadUInt32LittleEndian(buffer[24..]);
        ushort mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]);
        ulong inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]);
        long size = BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]);
        long mtimeSeconds = BinaryPrimitives.ReadInt64LittleEndian(buffer[112..]);
        uint mtimeNanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer[120..]);
        ulong device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]);
        FileKind kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Socket,
        };
        return new FileStatus(kind, device, inode, mode, owner, group, size, (mtimeSeconds * 1_000_000_000) + mtimeNanoseconds);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint owner, uint group);

    /// <summary>
    /// Writes all of <paramref name="data"/> to a descriptor with write(2), which advances the descriptor's offset
    /// (shared with the shell for <c>(a; b) &gt; file</c>), unlike FileStream's positional writes. Returns the error
    /// number, 0 on success.
    /// </summary>
    public static int WriteAll(int descriptor, ReadOnlySpan<byte> data)
    {
        const int Interrupted = 4;
        while (!data.IsEmpty)
        {
            nint written = Write(descriptor, data, data.Length);
            if (written < 0)
            {
                int error = Marshal.GetLastPInvokeError();
                if (error == Interrupted)
                {
                    continue;
                }

                return error;
            }

            data = data[(int)written..];
        }

        return 0;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int descriptor, ReadOnlySpan<byte> data, nint count);

    /// <summary>The effective user ID of the process.</summary>
    public static uint EffectiveUser => IsSupported ? GetEffectiveUser() : uint.MaxValue;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUser();

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command);
}
