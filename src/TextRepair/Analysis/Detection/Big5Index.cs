using System.Globalization;
using TextRepair.Internal;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// The WHATWG Encoding Standard's index-big5 (Big5 with the HKSCS characters), imported by
/// <c>tools/import-whatwg-big5.sh</c> into <c>Data/WHATWG/big5.txt</c>. Loaded once on first use; immutable and
/// thread-safe.
/// </summary>
internal sealed class Big5Index
{
    /// <summary>Pointers per lead byte: trail bytes 0x40-0x7E and 0xA1-0xFE.</summary>
    public const int TrailCount = 157;

    /// <summary>The encoder ignores pointers below this ((0xA1 - 0x81) x 157): HKSCS extensions that decode only.</summary>
    private const int FirstEncodablePointer = (0xA1 - 0x81) * TrailCount;

    private static readonly Lazy<Big5Index> s_shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int[] _codePoints;
    private readonly ushort[] _bmpPointers;
    private readonly Dictionary<int, int> _supplementaryPointers;

    private Big5Index(int[] codePoints, ushort[] bmpPointers, Dictionary<int, int> supplementaryPointers)
    {
        _codePoints = codePoints;
        _bmpPointers = bmpPointers;
        _supplementaryPointers = supplementaryPointers;
    }

    public static Big5Index Shared => s_shared.Value;

    /// <summary>Number of pointers with a code point.</summary>
    public int Count { get; private init; }

    /// <summary>The code point at <paramref name="pointer"/>, or -1 when the pointer is unmapped.</summary>
    public int CodePoint(int pointer) => (uint)pointer < (uint)_codePoints.Length ? _codePoints[pointer] : -1;

    /// <summary>The pointer the encoder uses for <paramref name="codePoint"/>, or -1 when Big5 cannot encode it.</summary>
    public int Pointer(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            return _bmpPointers[codePoint] - 1;
        }

        return _supplementaryPointers.TryGetValue(codePoint, out int pointer) ? pointer : -1;
    }

    private static Big5Index Load()
    {
        var entries = new List<(int Pointer, int CodePoint)>(20000);
        int highest = 0;
        using (var reader = new StreamReader(EmbeddedData.Open("WHATWG/big5.txt")))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                int pointer = int.Parse(line.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture);
                int codePoint = int.Parse(line.AsSpan(tab + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                entries.Add((pointer, codePoint));
                highest = Math.Max(highest, pointer);
            }
        }

        int[] codePoints = new int[highest + 1];
        Array.Fill(codePoints, -1);
        ushort[] bmp = new ushort[0x10000];
        var supplementary = new Dictionary<int, int>();
        foreach ((int pointer, int codePoint) in entries)
        {
            codePoints[pointer] = codePoint;
            if (pointer < FirstEncodablePointer)
            {
                continue;
            }

            // The standard takes the first pointer for a code point, except for these six, which take the last.
            bool last = codePoint is 0x2550 or 0x255E or 0x2561 or 0x256A or 0x5341 or 0x5345;
            if (codePoint < 0x10000)
            {
                if (bmp[codePoint] == 0 || last)
                {
                    bmp[codePoint] = (ushort)(pointer + 1);
                }
            }
            else if (!supplementary.ContainsKey(codePoint) || last)
            {
                supplementary[codePoint] = pointer;
            }
        }

        return new Big5Index(codePoints, bmp, supplementary) { Count = entries.Count };
    }
}
