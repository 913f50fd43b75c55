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
        return s_assembly.GetManifestResourceStream(ResourceName(relativePath))
            ?? throw new FileNotFoundException($"Embedded data file '{relativePath}' not found.", relativePath);
    }

    /// <summary>
    /// Gives the address of an embedded file's bytes, valid for the life of the process, without copying them
    /// when the runtime exposes the resource in place (an assembly loaded from a file, single-file and Native AOT
    /// apps); otherwise reads it once into a pinned array that is never freed. False when there is no such file.
    /// </summary>
    public static bool TryOpenInPlace(string relativePath, out byte* start, out long length)
    {
        Stream? stream = s_assembly.GetManifestResourceStream(ResourceName(relativePath));
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

    // The manifest resource name of a path relative to Data/. A loop, not string.Replace: the first Replace(char, char)
    // of a process took 2.7-3.6 ms in a ReadyToRun app (session 9, ColdStart probe, load 6-8), on the path of every
    // first conversion.
    private static string ResourceName(string relativePath)
    {
        char[] name = new char[Prefix.Length + relativePath.Length];
        Prefix.CopyTo(0, name, 0, Prefix.Length);
        for (int i = 0; i < relativePath.Length; i++)
        {
            name[Prefix.Length + i] = relativePath[i] == '/' ? '.' : relativePath[i];
        }

        return new string(name);
    }

    // Resource names are "OpenCC.dictionary.STPhrases.txt": the last dot separates the extension, the others
    // were path separators (no embedded file name contains a dot before its extension).
    private static string ToRelativePath(string resource)
    {
        int extension = resource.LastIndexOf('.');
        return string.Concat(resource.AsSpan(0, extension).ToString().Replace('.', '/'), resource.AsSpan(extension));
    }
}
