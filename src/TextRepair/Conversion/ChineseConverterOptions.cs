namespace TextRepair;

/// <summary>Options for <see cref="ChineseConverter.Get(string, ChineseConverterOptions)"/>.</summary>
[Flags]
public enum ChineseConverterOptions
{
    /// <summary>OpenCC's library defaults: every dictionary of the config is used.</summary>
    None = 0,

    /// <summary>
    /// Leave out the dictionaries a config marks <c>may_output_tofu</c> (TSCharactersExt in t2s, tw2s, tw2sp,
    /// hk2s, hk2sp), which map rare characters to equally rare ones that many fonts lack. This is what OpenCC's
    /// command-line tool does unless given <c>--include-tofu-risk-dictionaries</c>.
    /// </summary>
    ExcludeTofuRiskDictionaries = 1,
}
