using System.Buffers.Binary;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>
/// The stage tables of every OpenCC config, compiled from the text dictionaries by <c>tools/CompileTables</c> into
/// one file (tracked as Data/OpenCC/StageTables.zip; the build extracts it and embeds it uncompressed) and read in
/// place: no parsing, no building, and a table's pages are touched only when a config that uses it runs (t2s never
/// reads STPhrases).
/// </summary>
/// <remarks>
/// File layout (little-endian): magic "TRST", format version, table count, 0; then per table its name offset,
/// name length (UTF-16 units), image offset and image length (uint32 each); the names (UTF-16); the images
/// (<see cref="StageTableImage"/>), each at a multiple of 8 bytes. A test regenerates the file and compares it
/// byte for byte, so it cannot drift from the text dictionaries or the builder.
/// </remarks>
internal static unsafe class PrebuiltTables
{
    /// <summary>The embedded file, relative to Data/.</summary>
    public const string ResourcePath = "OpenCC/StageTables.bin";

    private const uint Magic = 0x54535254; // "TRST"
    private const int FormatVersion = 3;
    private const int HeaderBytes = 16;
    private const int DirectoryEntryBytes = 16;

    private static readonly Lazy<Directory?> s_directory = new(OpenDirectory);

    /// <summary>The prebuilt table of a cache key (see <see cref="DictionarySpec.CacheKey"/>), or null when there is none.</summary>
    public static StageTable? TryLoad(string key)
    {
        Directory? directory = s_directory.Value;
        if (directory is null)
        {
            return null;
        }

        // About 20 names: a linear search, and no framework generic over a value type to JIT-compile on first use.
        for (int i = 0; i < directory.Names.Length; i++)
        {
            if (string.Equals(directory.Names[i], key, StringComparison.Ordinal))
            {
                return StageTable.FromImage(directory.Start + directory.Offsets[i], directory.Lengths[i]);
            }
        }

        return null;
    }

    /// <summary>
    /// Builds every table that any config needs (with and without the tofu-risk dictionaries) from the text
    /// dictionaries and returns the file's bytes. Deterministic: the same dictionaries give the same bytes.
    /// </summary>
    public static byte[] Generate()
    {
        var cache = new TableCache(usePrebuilt: false);
        foreach (string config in ChineseConverter.Configs)
        {
            foreach (bool includeTofuRisk in (ReadOnlySpan<bool>)[true, false])
            {
                _ = ConversionPipeline.Create(OpenCcConfig.Load(config), includeTofuRisk, cache);
            }
        }

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, Lazy<StageTable>> entry in cache.Entries)
        {
            // Tables built only on demand (the full first stage of a fused config, needed only for text with
            // ideographic description sequences) are left out: 3.3 MB for s2t's alone; they are built from the text
            // dictionaries when that rare text comes.
            if (entry.Value.IsValueCreated)
            {
                tables.Add(entry.Key, entry.Value.Value.Image.ToArray());
            }
        }

        var output = new MemoryStream();
        var writer = new BinaryWriter(output, Encoding.Unicode);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(tables.Count);
        writer.Write(0);
        long namesStart = HeaderBytes + ((long)tables.Count * DirectoryEntryBytes);
        long nameOffset = namesStart;
        long imageOffset = AlignUp(namesStart + (tables.Keys.Sum(k => (long)k.Length) * 2));
        foreach ((string name, byte[] image) in tables)
        {
            writer.Write(checked((uint)nameOffset));
            writer.Write(checked((uint)name.Length));
            writer.Write(checked((uint)imageOffset));
            writer.Write(checked((uint)image.Length));
            nameOffset += name.Length * 2L;
            imageOffset = AlignUp(imageOffset + image.Length);
        }

        foreach (string name in tables.Keys)
        {
            foreach (char c in name)
            {
                writer.Write((ushort)c);
            }
        }

        foreach (byte[] image in tables.Values)
        {
            while (output.Length % 8 != 0)
            {
                writer.Write((byte)0);
            }

            writer.Write(image);
        }

        writer.Flush();
        return output.ToArray();
    }

    private static long AlignUp(long offset) => (offset + 7) & ~7L;

    private static Directory? OpenDirectory()
    {
        if (!BitConverter.IsLittleEndian || EmbeddedData.TryOpenInPlace(ResourcePath, out byte* start, out long length) is false)
        {
            return null;
        }

        var bytes = new ReadOnlySpan<byte>(start, (int)Math.Min(int.MaxValue, length));
        if (bytes.Length < HeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic || BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(4)) != FormatVersion)
        {
            throw new InvalidDataException($"Embedded '{ResourcePath}' is not a stage table file of format {FormatVersion}.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(8));
        var names = new string[count];
        var offsets = new int[count];
        var lengths = new int[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> entry = bytes.Slice(HeaderBytes + (i * DirectoryEntryBytes), DirectoryEntryBytes);
            int nameOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry);
            int nameLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(4));
            int imageOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(8));
            int imageLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(12));
            if ((long)imageOffset + imageLength > bytes.Length || (long)nameOffset + (nameLength * 2L) > bytes.Length)
            {
                throw new InvalidDataException($"Embedded '{ResourcePath}' is truncated.");
            }

            // Not MemoryMarshal.Cast<byte, char>, a generic JIT-compiled on first use (no ReadyToRun image holds it).
            names[i] = new string((char*)(start + nameOffset), 0, nameLength);
            offsets[i] = imageOffset;
            lengths[i] = imageLength;
        }

        return new Directory(start, names, offsets, lengths);
    }

    private sealed class Directory(byte* start, string[] names, int[] offsets, int[] lengths)
    {
        public byte* Start { get; } = start;

        public string[] Names { get; } = names;

        public int[] Offsets { get; } = offsets;

        public int[] Lengths { get; } = lengths;
    }
}
