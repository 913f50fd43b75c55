using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>The match policy of an OpenCC dictionary group.</summary>
internal enum MatchPolicy
{
    /// <summary>The first child dictionary that matches any prefix wins, with its longest match.</summary>
    ShortCircuit,

    /// <summary>The longest match over all children wins; the earlier child wins a tie.</summary>
    Union,
}

/// <summary>A dictionary node of an OpenCC config: a leaf file or a group of nodes.</summary>
internal sealed class DictionarySpec
{
    private DictionarySpec(string? file, bool mayOutputTofu, MatchPolicy policy, DictionarySpec[] children)
    {
        File = file;
        MayOutputTofu = mayOutputTofu;
        Policy = policy;
        Children = children;
    }

    /// <summary>The dictionary file name without extension (for a leaf), otherwise null.</summary>
    public string? File { get; }

    public bool MayOutputTofu { get; }

    public MatchPolicy Policy { get; }

    public DictionarySpec[] Children { get; }

    public static DictionarySpec Leaf(string file, bool mayOutputTofu) => new(file, mayOutputTofu, MatchPolicy.ShortCircuit, []);

    public static DictionarySpec Group(MatchPolicy policy, bool mayOutputTofu, DictionarySpec[] children) => new(null, mayOutputTofu, policy, children);

    /// <summary>A stable textual key of the tree (with the tofu choice applied), used to share compiled tables.</summary>
    public string? CacheKey(bool includeTofuRisk)
    {
        if (MayOutputTofu && !includeTofuRisk)
        {
            return null;
        }

        if (File is not null)
        {
            return File;
        }

        var parts = new List<string>();
        foreach (DictionarySpec child in Children)
        {
            if (child.CacheKey(includeTofuRisk) is { } key)
            {
                parts.Add(key);
            }
        }

        return parts.Count == 0 ? null : (Policy == MatchPolicy.Union ? "U(" : "S(") + string.Join(",", parts) + ")";
    }
}

/// <summary>One OpenCC config file (data/config/*.json) reduced to what conversion needs.</summary>
internal sealed class OpenCcConfig
{
    private OpenCcConfig(string name, DictionarySpec[] normalization, DictionarySpec? segmentation, DictionarySpec[] chain)
    {
        Name = name;
        Normalization = normalization;
        Segmentation = segmentation;
        Chain = chain;
    }

    public string Name { get; }

    /// <summary>The normalization chain, applied to the whole text before the main stage.</summary>
    public DictionarySpec[] Normalization { get; }

    /// <summary>The mmseg segmentation dictionary, or null when the whole text is one segment.</summary>
    public DictionarySpec? Segmentation { get; }

    /// <summary>The conversion chain, applied to each segment.</summary>
    public DictionarySpec[] Chain { get; }

    public static OpenCcConfig Load(string name)
    {
        ConfigJson.Value root = ConfigJson.Parse(EmbeddedData.ReadAllBytes("OpenCC/config/" + name + ".json"));
        DictionarySpec[] normalization = root.Property("normalization") is { } norm ? ParseChain(norm) : [];
        DictionarySpec? segmentation = null;
        if (root.Property("segmentation") is { } seg)
        {
            string type = seg.Required("type").String();
            if (type != "mmseg")
            {
                throw new InvalidDataException($"OpenCC config '{name}': unsupported segmentation type '{type}'.");
            }

            segmentation = ParseDictionary(seg.Required("dict"));
        }

        return new OpenCcConfig(name, normalization, segmentation, ParseChain(root.Required("conversion_chain")));
    }

    private static DictionarySpec[] ParseChain(ConfigJson.Value array)
    {
        var stages = new List<DictionarySpec>();
        foreach (ConfigJson.Value stage in array.Items)
        {
            stages.Add(ParseDictionary(stage.Required("dict")));
        }

        return [.. stages];
    }

    private static DictionarySpec ParseDictionary(ConfigJson.Value element)
    {
        string type = element.Required("type").String();
        bool mayOutputTofu = element.Property("may_output_tofu") is { } tofu && tofu.Boolean();
        if (type == "group")
        {
            MatchPolicy policy = MatchPolicy.ShortCircuit;
            if (element.Property("match_policy") is { } matchPolicy)
            {
                policy = matchPolicy.String() switch
                {
                    "short_circuit" => MatchPolicy.ShortCircuit,
                    "union" => MatchPolicy.Union,
                    string other => throw new InvalidDataException($"Unknown OpenCC match_policy '{other}'."),
                };
            }

            var children = new List<DictionarySpec>();
            foreach (ConfigJson.Value child in element.Required("dicts").Items)
            {
                children.Add(ParseDictionary(child));
            }

            return DictionarySpec.Group(policy, mayOutputTofu, [.. children]);
        }

        if (type is not ("ocd2" or "ocd" or "text"))
        {
            throw new InvalidDataException($"Unsupported OpenCC dictionary type '{type}'.");
        }

        string file = element.Required("file").String();
        // A loop, not LastIndexOf: a vectorized search's first call costs milliseconds in a ReadyToRun app (session 9).
        int dot = file.Length - 1;
        while (dot >= 0 && file[dot] != '.')
        {
            dot--;
        }

        return DictionarySpec.Leaf(dot < 0 ? file : file.Substring(0, dot), mayOutputTofu);
    }
}
