using System.Text;

using TextRepair.Conversion;

namespace TextRepair.Tests.Oracles;

/// <summary>
/// A direct, unoptimised rendering of OpenCC's conversion: normalization chain over the whole text, then mmseg
/// segmentation (when configured), then the conversion chain over each segment. Kept as the executable
/// specification the fast engine is checked against.
/// </summary>
internal sealed class ReferencePipeline
{
    private readonly PhraseTable[] _normalization;
    private readonly PhraseTable? _segmentation;
    private readonly PhraseTable[] _chain;

    public ReferencePipeline(PhraseTable[] normalization, PhraseTable? segmentation, PhraseTable[] chain)
    {
        _normalization = normalization;
        _segmentation = segmentation;
        _chain = chain;
    }

    /// <summary>Builds the reference pipeline of a config straight from its flattened dictionaries.</summary>
    public static ReferencePipeline Create(string config, bool includeTofuRisk)
    {
        OpenCcConfig parsed = OpenCcConfig.Load(config);
        return new ReferencePipeline(
            Tables(parsed.Normalization, includeTofuRisk),
            parsed.Segmentation is null ? null : new PhraseTable(DictionaryCompiler.Flatten(parsed.Segmentation, includeTofuRisk: true)!),
            Tables(parsed.Chain, includeTofuRisk));
    }

    public string Convert(string text)
    {
        string current = text;
        foreach (PhraseTable stage in _normalization)
        {
            current = ApplyStage(stage, current);
        }

        var output = new StringBuilder(current.Length);
        if (_segmentation is null)
        {
            output.Append(ApplyChain(current));
            return output.ToString();
        }

        int runStart = 0;
        int position = 0;
        while (position < current.Length)
        {
            ReadOnlySpan<char> rest = current.AsSpan(position);
            if (_segmentation.TryMatch(rest, out int length, out _))
            {
                if (position > runStart)
                {
                    output.Append(ApplyChain(current.Substring(runStart, position - runStart)));
                }

                output.Append(ApplyChain(current.Substring(position, length)));
                position += length;
                runStart = position;
            }
            else
            {
                position += TextUnits.UnmatchedLength(rest);
            }
        }

        if (position > runStart)
        {
            output.Append(ApplyChain(current.Substring(runStart, position - runStart)));
        }

        return output.ToString();
    }

    private string ApplyChain(string segment)
    {
        foreach (PhraseTable stage in _chain)
        {
            segment = ApplyStage(stage, segment);
        }

        return segment;
    }

    private static PhraseTable[] Tables(DictionarySpec[] stages, bool includeTofuRisk)
    {
        var tables = new List<PhraseTable>();
        foreach (DictionarySpec stage in stages)
        {
            if (DictionaryCompiler.Flatten(stage, includeTofuRisk) is { } map)
            {
                tables.Add(new PhraseTable(map));
            }
        }

        return [.. tables];
    }

    internal static string ApplyStage(PhraseTable table, string text)
    {
        var output = new StringBuilder(text.Length);
        int position = 0;
        while (position < text.Length)
        {
            ReadOnlySpan<char> rest = text.AsSpan(position);
            if (table.TryMatch(rest, out int length, out string value))
            {
                output.Append(value);
            }
            else
            {
                length = TextUnits.UnmatchedLength(rest);
                output.Append(rest.Slice(0, length));
            }

            position += length;
        }

        return output.ToString();
    }
}
