namespace TextRepair;

/// <summary>
/// One place where a conversion guessed: a dictionary entry with several values was used and no longer phrase decided
/// it, so the converter wrote the entry's first value (OpenCC's rule). Example: s2t on 发 writes 發, one of 發 and 髮.
/// </summary>
/// <remarks>
/// A small value type: creating one allocates nothing (<see cref="Key"/>, <see cref="Alternatives"/> and
/// <see cref="Dictionary"/> are shared, read-only data of the converter). Thread-safe (immutable).
/// </remarks>
public readonly struct ConversionAmbiguity
{
    private readonly string[] _alternatives;

    internal ConversionAmbiguity(int sourceStart, int sourceLength, int outputStart, int outputLength, string key, string[] alternatives, string dictionary)
    {
        SourceStart = sourceStart;
        SourceLength = sourceLength;
        OutputStart = outputStart;
        OutputLength = outputLength;
        Key = key;
        _alternatives = alternatives;
        Dictionary = dictionary;
    }

    /// <summary>Start of the source text that produced the guess, in UTF-16 units of the converted input.</summary>
    public int SourceStart { get; }

    /// <summary>Length of that source text in UTF-16 units (usually one character).</summary>
    public int SourceLength { get; }

    /// <summary>Start of the text the guess became, in UTF-16 units of the output.</summary>
    public int OutputStart { get; }

    /// <summary>Length of that output text in UTF-16 units.</summary>
    public int OutputLength { get; }

    /// <summary>
    /// The dictionary key that matched. It equals the source text, except in a later stage of a chained config (such
    /// as tw2s, whose second stage reads the first stage's output), where it is the intermediate text.
    /// </summary>
    public string Key { get; }

    /// <summary>The value written: the first of <see cref="Alternatives"/>.</summary>
    public string Chosen => _alternatives[0];

    /// <summary>Every value of the entry in dictionary order, the chosen one first (a shared read-only list: no allocation).</summary>
    public IReadOnlyList<string> Alternatives => _alternatives;

    /// <summary>The OpenCC dictionary the entry comes from, e.g. "STCharacters".</summary>
    public string Dictionary { get; }

    /// <summary>Returns this ambiguity with its offsets moved by the given amounts (for callers that convert in blocks).</summary>
    /// <param name="sourceOffset">Added to <see cref="SourceStart"/>.</param>
    /// <param name="outputOffset">Added to <see cref="OutputStart"/>.</param>
    /// <returns>The moved copy (no allocation).</returns>
    public ConversionAmbiguity Offset(int sourceOffset, int outputOffset) =>
        new(SourceStart + sourceOffset, SourceLength, OutputStart + outputOffset, OutputLength, Key, _alternatives, Dictionary);

    /// <summary>Returns a short description such as <c>[3,1) 发 → 發 (發 髮, STCharacters)</c>.</summary>
    /// <returns>A new string.</returns>
    public override string ToString() =>
        $"[{SourceStart},{SourceLength}) {Key} \u2192 {Chosen} ({string.Join(' ', _alternatives)}, {Dictionary})";
}

/// <summary>Receives the ambiguities of a conversion as they are found (see <see cref="ChineseConverter.ConvertReportingAmbiguities"/>).</summary>
/// <remarks>Called on the converting thread, in increasing order of <see cref="ConversionAmbiguity.SourceStart"/>.</remarks>
public interface IConversionAmbiguitySink
{
    /// <summary>Receives one ambiguity; its offsets are relative to the source and destination spans of the call.</summary>
    /// <param name="ambiguity">The ambiguity.</param>
    public void Add(in ConversionAmbiguity ambiguity);
}
