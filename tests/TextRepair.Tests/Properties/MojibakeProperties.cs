using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TextRepair.Repair.Mojibake;

namespace TextRepair.Tests.Properties;

/// <summary>
/// Laws of the mojibake repair over real text (Data/Mojibake, the LibreOffice help from Debian): clean text in every
/// script comes back as the same instance, and text garbled by a lossless chain comes back as the original.
/// </summary>
public sealed class MojibakeProperties
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(false);

    static MojibakeProperties()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static Arbitrary<string> Lines(params string[] locales) =>
        Arb.From(Gen.Elements(locales.SelectMany(MojibakeEvaluationSet.Lines).ToArray()));

    [Property(MaxTest = 300)]
    public Property CleanText_InEveryScript_ComesBackAsTheSameInstance() =>
        Prop.ForAll(Lines("zh-cn", "zh-tw", "ja", "ko", "de", "en-us"), text => ReferenceEquals(MojibakeRepair.Repair(text), text));

    [Property(MaxTest = 300)]
    public Property CleanText_HasNoFindings() =>
        Prop.ForAll(Lines("zh-cn", "zh-tw", "ja", "ko", "de", "en-us"), text =>
        {
            var findings = new List<MojibakeFinding>();
            MojibakeRepair.Find(text, findings);
            return findings.Count == 0;
        });

    [Property(MaxTest = 200)]
    public Property Utf8ReadAsWindows1252_IsUndone() => Undone(1252);

    [Property(MaxTest = 200)]
    public Property Utf8ReadAsLatin1_IsUndone() => Undone(28591);

    [Property(MaxTest = 200)]
    public Property Utf8ReadAsCp437_IsUndone() => Undone(437);

    [Property(MaxTest = 200)]
    public Property Utf8ReadAsGbk_IsUndone() => Undone(936);

    [Property(MaxTest = 200)]
    public Property Utf8ReadAsGb18030_IsUndone() => Undone(54936);

    [Property(MaxTest = 100)]
    public Property Utf8ReadAsWindows1252Twice_IsUndone() =>
        Prop.ForAll(Lines("zh-cn", "zh-tw"), text =>
        {
            Encoding reader = Encoding.GetEncoding(1252);
            string once = reader.GetString(s_utf8.GetBytes(text));
            string twice = reader.GetString(s_utf8.GetBytes(once));
            return MojibakeRepair.Repair(twice) == text;
        });

    /// <summary>For every sentence whose chain is lossless (the reader gives back every byte), repair gives the original.</summary>
    private static Property Undone(int readerCodePage) =>
        Prop.ForAll(Lines("zh-cn", "zh-tw"), text =>
        {
            Encoding reader = Encoding.GetEncoding(readerCodePage);
            byte[] bytes = s_utf8.GetBytes(text);
            string garbled = reader.GetString(bytes);
            bool lossless = reader.GetBytes(garbled).AsSpan().SequenceEqual(bytes);
            return !lossless || MojibakeRepair.Repair(garbled) == text;
        });
}
