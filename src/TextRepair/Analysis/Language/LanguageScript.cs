namespace TextRepair.Analysis.Language;

/// <summary>The scripts (writing systems with their languages) that <see cref="CharNgramModel"/> has a model for.</summary>
internal enum LanguageScript
{
    /// <summary>Simplified Chinese.</summary>
    ZhHans,

    /// <summary>Traditional Chinese (Taiwan, Hong Kong).</summary>
    ZhHant,

    /// <summary>Japanese.</summary>
    Ja,

    /// <summary>Korean.</summary>
    Ko,

    /// <summary>Latin-script languages (English, German, French, Spanish, ...).</summary>
    Latin,

    /// <summary>Cyrillic-script languages (Russian, Ukrainian, Bulgarian, Serbian; Belarusian, Macedonian, Kazakh, Kyrgyz, Mongolian, ...).</summary>
    Cyrillic,
}
