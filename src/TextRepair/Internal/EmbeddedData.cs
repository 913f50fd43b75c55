using System.Reflection;

namespace TextRepair.Internal;

/// <summary>
/// Access to the data files embedded in the assembly (see Data/PROVENANCE.md). Nothing is read from disk
/// or the network at run time.
/// </summary>
internal static unsafe class EmbeddedData
{
    private const string Prefix = "TextRepair.Data.";

    private static readonly Assembly s_assembly = typeof(EmbeddedData).Assembly;

    // Copies of resources the runtime could not expose in place (see TryOpenInPlace): kept alive for good.
    private static readonly List<byte[]> s_pinned = [];

    /// <summary>Names of the embedded files relative to Data/, with '/' separators, e.g. "OpenCC/dictionary/STPhrases.txt".</summary>
    public static IEnumerable<string> Names
    {
        get
        {
            foreach (string name in s_assembly.GetManifestResourceNames())
            {
                if (name.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    yield return ToRelativePath(name.Substring(Prefix.Length));
                }
            }
        }
    }

    /// <summary>Opens an embedded file by its path relative to Data/ ("OpenCC/config/s2t.json").</summary>
    /// <exception cref="FileNotFoundException">No such embedded file.</exception>
    public static Stream Open(string relativePath)
    {
        string resource = Prefix + relativePath.Replace('/', '.');
        return s_assembly.GetManifestResourceStream(resource)
            ?? throw new FileNotFoundException($"Embedded data file '{relativePath}' not found.", relativePath);
    }

    /// <summary>
    /// Gives the address of an embedded file's bytes, valid for the life of the process, without copying them
    /// when the runtime exposes the resource in place (an assembly loaded from a file, single-file and Native AOT
    /// apps); otherwise reads it once into a pinned array that is never freed. False when there is no such file.
    /// </summary>
    public static bool TryOpenInPlace(string relativePath, out byte* start, out long length)
    {
        Stream? stream = s_assembly.GetManifestResourceStream(Prefix + relativePath.Replace('/', '.'));
        if (stream is null)
        {
            start = null;
            length = 0;
            return false;
        }

        using (stream)
        {
            length = stream.Length;
            if (stream is UnmanagedMemoryStream inPlace)
            {
                start = inPlace.PositionPointer;
                return true;
            }

            byte[] pinned = GC.AllocateUninitializedArray<byte>(checked((int)length), pinned: true);
            stream.ReadExactly(pinned);
            lock (s_pinned)
            {
                s_pinned.Add(pinned);
            }

            start = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(pinned));
            return true;
        }
    }

    /// <summary>Reads a whole embedded file as UTF-8 bytes.</summary>
    public static byte[] ReadAllBytes(string relativePath)
    {
        using Stream stream = Open(relativePath);
        byte[] bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// The lines of a tab-separated embedded text file as (key, value) pairs: the text before the first tab and the
    /// rest of the line; empty lines and lines starting with '#' are left out. Parsed once (see <see cref="EmbeddedDictionary"/>).
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> ReadTabSeparated(string relativePath) => EmbeddedDictionary.Lines(relativePath);

    // Resource names are "OpenCC.dictionary.STPhrases.txt": the last dot separates the extension, the others
    // were path separators (no embedded file name contains a dot before its extension).
    private static string ToRelativePath(string resource)
    {
        int extension = resource.LastIndexOf('.');
        return string.Concat(resource.AsSpan(0, extension).ToString().Replace('.', '/'), resource.AsSpan(extension));
    }
}
