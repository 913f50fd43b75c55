using System.Runtime.InteropServices;

namespace TextRepair.Cli.Parquet;

/// <summary>Pins managed byte arrays while the native Parquet writer reads values through pointers into them.</summary>
internal sealed class PinnedArrays : IDisposable
{
    private readonly List<GCHandle> _handles = [];

    /// <summary>Pins <paramref name="memory"/>'s array and returns the address of its first byte.</summary>
    public IntPtr Pin(ReadOnlyMemory<byte> memory)
    {
        if (!MemoryMarshal.TryGetArray(memory, out ArraySegment<byte> segment) || segment.Array is null)
        {
            throw new InvalidOperationException("Only array-backed memory can be pinned here.");
        }

        GCHandle handle = GCHandle.Alloc(segment.Array, GCHandleType.Pinned);
        _handles.Add(handle);
        return handle.AddrOfPinnedObject() + segment.Offset;
    }

    public void Dispose()
    {
        foreach (GCHandle handle in _handles)
        {
            handle.Free();
        }

        _handles.Clear();
    }
}
