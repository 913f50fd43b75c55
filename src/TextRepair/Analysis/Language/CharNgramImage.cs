using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace TextRepair.Analysis.Language;

/// <summary>
/// The language models as the library reads them: the tables a lookup needs, laid out so that they are read in place
/// from the embedded resource (<c>Data/Language/charlm.image</c>, tracked as <c>charlm.image.zip</c> and extracted by
/// the build), with no inflate, no parse and no hashing at load.
/// <see cref="Compile"/> builds the image from the trainer's output (<c>Data/Language/charlm.bin</c>, written by
/// tools/train-charlm.sh); LanguageModelTests fails when the checked-in image differs from a fresh compile, and writes
/// it when TEXTREPAIR_WRITE_LANGUAGE_IMAGE=1.
/// <para>
/// Layout (little endian): "TRLI" u32 version=1 u32 modelCount u32 0; per model, at a multiple of 8:
/// u8[16] name (ASCII, zero-padded), f32 unknownLogProb, i32 unigramCount, i32 bigramCount, i32 capacity (a power of
/// two), unigramCount x (u16 char, u8 -logP(char)*Q, u8 -log(back-off)*Q) as in charlm.bin, padding to 8, the 8 KB
/// bitmap of characters that start a stored pair, the 8 KB bitmap of characters that end one, 64 KB of the smallest
/// code (largest log-probability) of a stored pair into each character (0 where none ends there), then capacity slots of
/// 5 bytes (u32 key = first &lt;&lt; 16 | second, u8 -logP(second | first)*Q; key 0: empty), padding to 8. The slots are
/// the open-addressing table the loader of session 14 built: keys inserted in charlm.bin's sorted order with
/// <see cref="Hash"/> and linear probing, load factor at most 1/2, so a lookup probes the same slots as it did.
/// </para>
/// </summary>
internal static class CharNgramImage
{
    /// <summary>Path of the image under Data/.</summary>
    public const string ResourcePath = "Language/charlm.image";

    /// <summary>Bytes of a model name field.</summary>
    public const int NameLength = 16;

    /// <summary>Bytes of a pair slot: the u32 key and the u8 log-probability code.</summary>
    public const int SlotSize = 5;

    /// <summary>Bytes of a bitmap with one bit per UTF-16 code unit.</summary>
    public const int BitmapSize = 65536 / 8;

    /// <summary>Bytes of the table of the best stored pair into each character (one code per UTF-16 code unit).</summary>
    public const int MaxIntoSize = 65536;

    /// <summary>Bytes from a model's bitmaps to its pair slots.</summary>
    public const int SlotsAfterBitmaps = (2 * BitmapSize) + MaxIntoSize;

    /// <summary>
    /// The smallest pair table (the session-14 loader's): with a load factor of at most 1/2, a miss ends after a probe or
    /// two.
    /// </summary>
    public const int MinCapacity = 16;

    /// <summary>Bytes of the file header.</summary>
    public const int HeaderSize = 16;

    /// <summary>Bytes of a model's fixed fields (name to capacity).</summary>
    public const int ModelHeaderSize = NameLength + 16;

    /// <summary>Log-probabilities are stored in steps of 1/8 nat (Q in tools/train-charlm.py).</summary>
    public const float Step = 1f / 8;

    private const uint Magic = 0x494C5254; // "TRLI"
    private const uint Version = 1;
    private const uint TrainedMagic = 0x4D4C5254; // "TRLM", charlm.bin
    private const uint TrainedVersion = 1;

    /// <summary>The slot a key's probe starts at is <c>Hash(key) &amp; (capacity - 1)</c>.</summary>
    public static uint Hash(uint key) => (key * 0x9E3779B1u) >> 7;

    /// <summary>Bytes from a model's start to its bitmaps: the fixed fields and the unigram entries, padded to 8.</summary>
    public static int BitmapsOffset(int unigramCount) => Align8(ModelHeaderSize + (unigramCount * 4));

    /// <summary>Bytes of a whole model in the image.</summary>
    public static long ModelSize(int unigramCount, int capacity) => BitmapsOffset(unigramCount) + SlotsAfterBitmaps + Align8((long)capacity * SlotSize);

    /// <summary>Checks the file header; returns the number of models.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> image)
    {
        if (image.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(image) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(image[4..]) != Version)
        {
            throw new InvalidDataException("Embedded language model: unknown format.");
        }

        return BinaryPrimitives.ReadInt32LittleEndian(image[8..]);
    }

    /// <summary>
    /// Compiles the trainer's output (the uncompressed bytes of charlm.bin, format in tools/train-charlm.py) into the
    /// image. Allocates the image (6.95 MB for the session-9 models); deterministic.
    /// </summary>
    public static byte[] Compile(ReadOnlySpan<byte> trained)
    {
        int position = 0;
        if (ReadUInt32(trained, ref position) != TrainedMagic || ReadUInt32(trained, ref position) != TrainedVersion)
        {
            throw new InvalidDataException("Language model: charlm.bin has an unknown format.");
        }

        int count = (int)ReadUInt32(trained, ref position);
        using var image = new MemoryStream();
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], count);
        image.Write(header);
        for (int m = 0; m < count; m++)
        {
            int nameLength = trained[position++];
            ReadOnlySpan<byte> name = trained.Slice(position, nameLength);
            position += nameLength;
            if (nameLength >= NameLength || Encoding.ASCII.GetString(name) != CharNgramModel.ScriptName((LanguageScript)m))
            {
                throw new InvalidDataException($"Language model: model {m} is '{Encoding.ASCII.GetString(name)}'.");
            }

            float unknown = BinaryPrimitives.ReadSingleLittleEndian(trained[position..]);
            position += 4;
            int unigrams = (int)ReadUInt32(trained, ref position);
            ReadOnlySpan<byte> unigramEntries = trained.Slice(position, unigrams * 4);
            position += unigrams * 4;
            int bigrams = (int)ReadUInt32(trained, ref position);
            ReadOnlySpan<byte> keys = trained.Slice(position, bigrams * 4);
            ReadOnlySpan<byte> codes = trained.Slice(position + (bigrams * 4), bigrams);
            position += bigrams * 5;

            int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinCapacity, bigrams * 2));
            byte[] model = new byte[ModelSize(unigrams, capacity)];
            name.CopyTo(model);
            BinaryPrimitives.WriteSingleLittleEndian(model.AsSpan(NameLength), unknown);
            BinaryPrimitives.WriteInt32LittleEndian(model.AsSpan(NameLength + 4), unigrams);
            BinaryPrimitives.WriteInt32LittleEndian(model.AsSpan(NameLength + 8), bigrams);
            BinaryPrimitives.WriteInt32LittleEndian(model.AsSpan(NameLength + 12), capacity);
            unigramEntries.CopyTo(model.AsSpan(ModelHeaderSize));
            Span<byte> firsts = model.AsSpan(BitmapsOffset(unigrams), BitmapSize);
            Span<byte> seconds = model.AsSpan(BitmapsOffset(unigrams) + BitmapSize, BitmapSize);
            Span<byte> maxInto = model.AsSpan(BitmapsOffset(unigrams) + (2 * BitmapSize), MaxIntoSize);
            Span<byte> slots = model.AsSpan(BitmapsOffset(unigrams) + SlotsAfterBitmaps, capacity * SlotSize);
            for (int i = 0; i < bigrams; i++)
            {
                uint key = BinaryPrimitives.ReadUInt32LittleEndian(keys[(i * 4)..]);
                int slot = (int)Hash(key) & (capacity - 1);
                while (BinaryPrimitives.ReadUInt32LittleEndian(slots[(slot * SlotSize)..]) != 0)
                {
                    slot = (slot + 1) & (capacity - 1);
                }

                BinaryPrimitives.WriteUInt32LittleEndian(slots[(slot * SlotSize)..], key);
                slots[(slot * SlotSize) + 4] = codes[i];
                int first = (int)(key >> 16), second = (int)(key & 0xFFFF);
                bool firstInto = (seconds[second >> 3] & (1 << (second & 7))) == 0;
                maxInto[second] = firstInto ? codes[i] : Math.Min(maxInto[second], codes[i]);
                firsts[first >> 3] |= (byte)(1 << (first & 7));
                seconds[second >> 3] |= (byte)(1 << (second & 7));
            }

            image.Write(model);
        }

        if (position != trained.Length)
        {
            throw new InvalidDataException("Language model: charlm.bin has bytes after its last model.");
        }

        return image.ToArray();
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, ref int position)
    {
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
        position += 4;
        return value;
    }

    private static int Align8(int n) => (n + 7) & ~7;

    private static long Align8(long n) => (n + 7) & ~7L;
}
