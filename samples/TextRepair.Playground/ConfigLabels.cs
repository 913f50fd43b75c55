namespace TextRepair.Playground;

/// <summary>Readable labels for OpenCC config names ("s2twp" → "Simplified → Taiwan + idioms"), derived from the name.</summary>
internal static class ConfigLabels
{
    /// <summary>
    /// "s2twp: Simplified → Taiwan + idioms (zh-Hans-to-zh-TW, zh-TW)"; an unknown name is returned as it is, with its
    /// BCP-47 aliases when it has any.
    /// </summary>
    public static string Describe(string config, IReadOnlyList<string>? aliases)
    {
        string label = Describe(config);
        return aliases is { Count: > 0 } ? $"{label} ({string.Join(", ", aliases)})" : label;
    }

    /// <summary>"s2twp: Simplified → Taiwan + idioms"; an unknown name is returned as it is.</summary>
    public static string Describe(string config)
    {
        int two = config.IndexOf('2', StringComparison.Ordinal);
        if (two <= 0 || two == config.Length - 1)
        {
            return config;
        }

        string? from = Side(config[..two]);
        string? to = Side(config[(two + 1)..]);
        return from is null || to is null ? config : $"{config}: {from} → {to}";
    }

    private static string? Side(string code) => code switch
    {
        "s" => "Simplified",
        "t" => "Traditional (OpenCC)",
        "tw" => "Taiwan",
        "hk" => "Hong Kong",
        "jp" => "Japanese shinjitai",
        // OpenCC's "p" suffix: with phrase (idiom) conversion, e.g. 鼠标 → 滑鼠.
        _ when code.Length > 1 && code[^1] == 'p' && Side(code[..^1]) is { } name => name + " + idioms",
        _ => null,
    };
}
