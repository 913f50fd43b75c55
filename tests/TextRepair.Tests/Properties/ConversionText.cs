using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using TextRepair.Tests.Oracles;
using TextRepair.Internal;

namespace TextRepair.Tests.Properties;

/// <summary>Generators of text that exercises the converter: real dictionary phrases mixed with awkward units.</summary>
internal static class ConversionText
{
    private static readonly string[] s_awkward =
    [
        "\n", "\r\n", "\r", " ", "\t", "，", "。", "「", "」", "、", "A", "-", "·", "〇", "1", "x",
        "\u2FF0", "\u2FF2", "\u2FFE", "\u2FF1\u6C49\u5B57", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\U0001F600",
        "\u263A\uFE0F", "\uFEFF", "\u2028", "\u0085", "\f", "\0", "\uF900", "\uFA0C", "\U0002F800", "\U00030EDE",
        "\uFFFF", "\uFFFD",
    ];

    private static readonly Lazy<string[]> s_fragments = new(LoadFragments);
    private static readonly ConcurrentDictionary<string, ReferencePipeline> s_references = new();

    public static Gen<string> Config { get; } = Gen.Elements(ChineseConverter.Configs.ToArray());

    /// <summary>Text made of dictionary keys and values (sometimes cut short) and awkward units.</summary>
    public static Gen<string> Text { get; } =
        Gen.Frequency(
                (6, Gen.Elements(s_fragments.Value)),
                (2, Gen.Elements(s_fragments.Value).Select(f => f.Substring(0, f.Length / 2 + 1))),
                (2, Gen.Elements(s_awkward)))
            .ListOf()
            .Select(parts => string.Concat(parts));

    /// <summary>Cut points (sorted, possibly repeated) inside a text of the given length.</summary>
    public static Gen<int[]> Cuts(int length) =>
        Gen.Choose(0, length).ArrayOf().Select(cuts => cuts.Order().ToArray());

    public static string Reference(string config, string text) =>
        s_references.GetOrAdd(config, c => ReferencePipeline.Create(c, includeTofuRisk: true)).Convert(text);

    /// <summary>Splits <paramref name="text"/> at <paramref name="cuts"/> into consecutive chunks.</summary>
    public static List<string> Split(string text, int[] cuts)
    {
        var chunks = new List<string>();
        int previous = 0;
        foreach (int cut in cuts)
        {
            chunks.Add(text.Substring(previous, cut - previous));
            previous = cut;
        }

        chunks.Add(text.Substring(previous));
        return chunks;
    }

    private static string[] LoadFragments()
    {
        var fragments = new List<string>();
        foreach (string name in EmbeddedData.Names.Where(n => n.StartsWith("OpenCC/dictionary/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            int index = 0;
            foreach ((string key, string values) in EmbeddedData.ReadTabSeparated(name))
            {
                // Every phrase of the small dictionaries, a sample of the big ones.
                if (index++ % 40 == 0 || !name.Contains("STPhrases", StringComparison.Ordinal))
                {
                    fragments.Add(key);
                    fragments.Add(values.Split(' ')[0]);
                }
            }
        }

        return [.. fragments];
    }
}
