using System.IO.Compression;

namespace TextRepair.Tools;

/// <summary>
/// Writes a generated binary the library embeds as the one entry of a deterministic Deflate zip, the form git tracks
/// it in (src/TextRepair/TextRepair.csproj extracts it into obj/ and embeds it uncompressed): the same bytes give the
/// same zip. Compiled into tools/CompileTables (StageTables.zip) and TextRepair.Tests (charlm.image.zip).
/// </summary>
internal static class TrackedZip
{
    /// <summary>A fixed entry time stamp, so that the same content gives the same zip bytes.</summary>
    private static readonly DateTimeOffset s_entryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> as the zip's one entry, <paramref name="entryName"/>.</summary>
    public static void Write(string path, string entryName, ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        ZipArchiveEntry entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize);
        entry.LastWriteTime = s_entryTime;
        using Stream stream = entry.Open();
        stream.Write(bytes);
    }
}
