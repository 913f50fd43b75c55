using System.Buffers;

namespace TextRepair.Cli.IO;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>; not thread-safe.</summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    public PooledBuffer(int initialCapacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return _array.AsSpan(_length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureFree(bytes.Length);
        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Write(byte value)
    {
        EnsureFree(1);
        _array[_length++] = value;
    }

    public void Clear() => _length = 0;

    public void EnsureFree(int count)
    {
        count = Math.Max(count, 1);
        if (_array.Length - _length >= count)
        {
            return;
        }

        long wanted = Math.Max((long)_array.Length * 2, (long)_length + count);
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(wanted, Array.MaxLength));
        _array.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }

    public void Dispose()
    {
        byte[] array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
