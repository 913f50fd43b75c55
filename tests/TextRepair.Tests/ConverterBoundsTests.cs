using System.Buffers;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Tests;

/// <summary>
/// GetMaxConvertedLength / GetMaxConvertedUtf8Length against the worst text the dictionaries allow: every key and value of every
/// OpenCC dictionary converted with every config, alone and repeated.
/// </summary>
public sealed class ConverterBoundsTests
{
    // The bound weighs code points by class (ASCII, 2-byte, 3-byte, supplementary), so one BMP character that
    // becomes a supplementary one (TSCharacters' 㗲 -> 𠵾) makes every BMP character weigh 2 in later stages.
    // Measured here: the bound equals the worst text's ratio in 13 configs (s2twp: 2.5 units per unit, from
    // 外键 -> 外部索引鍵) and is at most 2x it in the others (tw2sp: 4.667 units per unit against 7/3 for 妥瑞症;
    // hk2sp 3 against 2; s2twp bytes 4.5 against 2.5). Before, the product of stage ratios gave up to 10x.
    private const double MaxLooseness = 2.0;
    private const double RoundingSlack = 1.0 / 1024;

    private static readonly Lazy<string[]> s_fragments = new(LoadFragments);

    public static TheoryData<string> Configs => [.. ChineseConverter.Configs];

    [Theory]
    [MemberData(nameof(Configs))]
    public void GetMaxConvertedLengths_SufficeForEveryDictionaryEntry_AndAreNearTheWorstCase(string config)
    {
        ChineseConverter converter = ChineseConverter.Get(config);
        double worstUnits = 1;
        double worstBytes = 1;
        string worstText = string.Empty;
        foreach (string text in s_fragments.Value)
        {
            string converted = converter.Convert(text);
            Assert.True(converted.Length <= converter.GetMaxConvertedLength(text.Length), $"{config}: '{text}' -> '{converted}'");
            int bytes = Encoding.UTF8.GetByteCount(text);
            int convertedBytes = Encoding.UTF8.GetByteCount(converted);
            Assert.True(convertedBytes <= converter.GetMaxConvertedUtf8Length(bytes), $"{config}: '{text}' -> '{converted}' (UTF-8)");
            if ((double)converted.Length / text.Length > worstUnits)
            {
                worstUnits = (double)converted.Length / text.Length;
                worstText = text;
            }

            worstBytes = Math.Max(worstBytes, (double)convertedBytes / bytes);
        }

        const int Large = 1 << 20;
        Assert.True(converter.GetMaxConvertedLength(Large) <= Math.Ceiling(Large * ((worstUnits * MaxLooseness) + RoundingSlack)), $"{config}: bound {converter.GetMaxConvertedLength(Large) / (double)Large} units per unit, worst seen {worstUnits} ('{worstText}')");
        Assert.True(converter.GetMaxConvertedUtf8Length(Large) <= Math.Ceiling(Large * ((worstBytes * MaxLooseness) + RoundingSlack)), $"{config}: bound {converter.GetMaxConvertedUtf8Length(Large) / (double)Large} bytes per byte, worst seen {worstBytes}");

        // The worst text repeated, through the span APIs with exactly the destination the bounds give.
        string repeated = string.Concat(Enumerable.Repeat(worstText, 4096 / Math.Max(1, worstText.Length)));
        char[] destination = new char[converter.GetMaxConvertedLength(repeated.Length)];
        Assert.Equal(OperationStatus.Done, converter.Convert(repeated, destination, out int consumed, out int written));
        Assert.Equal(repeated.Length, consumed);
        Assert.Equal(converter.Convert(repeated), new string(destination, 0, written));
        byte[] utf8 = Encoding.UTF8.GetBytes(repeated);
        byte[] utf8Destination = new byte[converter.GetMaxConvertedUtf8Length(utf8.Length)];
        Assert.Equal(OperationStatus.Done, converter.ConvertUtf8(utf8, utf8Destination, out int bytesConsumed, out _));
        Assert.Equal(utf8.Length, bytesConsumed);
    }

    private static string[] LoadFragments()
    {
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in EmbeddedData.Names.Where(n => n.StartsWith("OpenCC/dictionary/", StringComparison.Ordinal)))
        {
            foreach ((string key, string values) in EmbeddedData.ReadTabSeparated(name))
            {
                fragments.Add(key);
                foreach (string value in values.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    fragments.Add(value);
                }
            }
        }

        return [.. fragments.Where(f => f.Length > 0).Order(StringComparer.Ordinal)];
    }
}
