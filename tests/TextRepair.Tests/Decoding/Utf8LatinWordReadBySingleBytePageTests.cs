namespace TextRepair.Tests.Decoding;

/// <summary>
/// A Latin word whose one accented letter a single-byte page garbled, on a line with nothing else garbled (session 42):
/// under windows-1251 the two bytes of ü are two Cyrillic letters, a capital and a small one ("fГјr"), which the line's
/// pool took for a word of the page's own script going on; under cp437 ö is two box-drawing characters that join
/// ("L├╢schen"), which the gate found unsurprising. A sequence beside an ASCII letter is no Cyrillic word
/// (Utf8SequencePool.Count), and a pair inside a word that proves itself a Latin word (Utf8SequencePool.ProvesLatinWord)
/// is judged as a double-byte decoder's pair is. The sentences are written for the test.
/// </summary>
public sealed class Utf8LatinWordReadBySingleBytePageTests
{
    [Theory]
    [InlineData("Der Dienst ist für Skripte nicht verfügbar.", 1251)]
    [InlineData("Information über die Datei", 1251)]
    [InlineData("Leerräume entfernen", 1251)]
    [InlineData("Dokument öffnen", 437)]
    [InlineData("Einzelnen Bögen drucken", 437)]
    [InlineData("Dateien löschen", 866)]
    [InlineData("Einzelnen Bögen drucken", 850)]
    public void OneGarbledLetterInAWord_IsRestored(string original, int reader) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, reader);

    // Clean Cyrillic words (with the page's capitals before і, ї, ў, ј), Latin words joined to Cyrillic by a hyphen,
    // and box drawing beside file names: no Latin word holds a sequence.
    [Theory]
    [InlineData("Рўйхат")]
    [InlineData("Їжак і Ёжик")]
    [InlineData("Wi-Fi-роутер и SMS-ки")]
    [InlineData("iPhone-і та Android")]
    [InlineData("├── src\n│   └── Löschen.txt\n└── README")]
    [InlineData("╔══════╗\n║ Menü ║\n╚══════╝")]
    [InlineData("╠═╣ Größe ╠═╣")]
    public void CleanText_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
