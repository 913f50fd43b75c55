using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Box-drawing characters as drawings use them (BoxDrawing): arms join arms, and an arm never ends in a letter of an
/// alphabet, while single-byte readers of CJK text write box-drawing characters beside such letters at random. The
/// words are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class BoxDrawingTests
{
    static BoxDrawingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData('┌', '─', true)]
    [InlineData('─', '┐', true)]
    [InlineData('╔', '═', true)]
    [InlineData('│', '─', false)]
    [InlineData('─', '│', false)]
    [InlineData('╞', '═', true)]
    [InlineData('┍', '━', true)]
    [InlineData('╟', '─', true)]
    [InlineData('╩', '╨', false)]
    [InlineData('─', '━', false)]
    [InlineData('═', '┤', false)]
    public void Joins_WhenTheArmsMeet(char left, char right, bool joins) => Assert.Equal(joins, BoxDrawing.Joins(left, right));

    [Theory]
    [InlineData('├', 'и', true)]
    [InlineData('и', '┐', true)]
    [InlineData('─', 'a', true)]
    [InlineData('a', '┘', true)]
    [InlineData('│', 'N', false)]
    [InlineData('N', '│', false)]
    [InlineData('a', '└', false)]
    [InlineData('─', ' ', false)]
    [InlineData('─', '1', false)]
    [InlineData('─', '标', false)]
    [InlineData('正', '─', false)]
    [InlineData('├', '⌐', true)]
    [InlineData('├', '®', true)]
    [InlineData('├', '¿', true)]
    [InlineData('»', '─', true)]
    [InlineData('⌐', '├', false)]
    [InlineData('─', '►', false)]
    [InlineData('─', '>', false)]
    [InlineData('├', '█', false)]
    public void ArmMeetsText_OnlyWhenAnArmPointsAtALetterOfAnAlphabetOrACodePageSymbol(char left, char right, bool meets) =>
        Assert.Equal(meets, BoxDrawing.ArmMeetsText(left, right));

    [Theory]
    [InlineData("├── src", "│ Name │", "┌─────┐")]
    [InlineData("第一章────正文", "──标题──", "╔══╗ ║ok║ ╚══╝")]
    [InlineData("╔═╤═╗ ╟─┼─╢ ╚═╧═╝", "┏━┯━┓ ┠─┼─┨", "┍━━┑ ╞══╡")]
    public void CleanDrawings_AreUnchanged(string a, string b, string c)
    {
        foreach (string text in new[] { a, b, c })
        {
            RepairResult result = EncodingRepairTests.Repair(text);
            Assert.Equal(text, result.Text);
            Assert.False(result.Lossy);
        }
    }

    [Theory]
    [InlineData("编辑", 936, 866)]
    [InlineData("健康", 936, 866)]
    [InlineData("预览", 936, 437)]
    [InlineData("科技", 936, 850)]
    [InlineData("北京市", 936, 437)]
    [InlineData("北京市", 936, 866)]
    public void ShortFieldsReadBySingleByteReaders_AreRepaired(string text, int writer, int reader)
    {
        // "▒р╝н", "╜б┐╡", "╘ñ└└", "┐ã╝╝": arms that end in letters. Scored as a drawing, the field read as well as its
        // reading (all four were left as they were). "▒▒╛⌐╩╨": a double arm beside a single one ("╩╨"), which no drawing
        // puts side by side.
        string garbled = Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(text));

        Assert.Equal(text, EncodingRepairTests.Repair(garbled).Text);
    }

    // é is "├⌐" under cp437 and "├®" under cp850, è "├¿", í "├¡": a box-drawing lead whose arm ends in a Latin-1 symbol
    // or letter. Scored as the models have them, the pair read almost as well as the letter, and the run's gain stayed
    // under the short field's 12 nats (see EncodingDecision.MinPooledSequenceGain): all seven lines stayed garbled.
    [Theory]
    [InlineData("Le programme exécute les commandes une par une", 437)]
    [InlineData("Il a réduit la taille des fichiers", 437)]
    [InlineData("Le serveur échoue si le fichier est verrouillé", 437)]
    [InlineData("Mañana será otro día", 437)]
    [InlineData("La introspecció ha fallat", 850)]
    [InlineData("montre l'environnement après la commande", 850)]
    [InlineData("Le café est prêt.", 850)]
    public void LatinLineWithOneLetterReadByADosPage_IsRepaired(string text, int reader) =>
        EncodingRepairTests.AssertRestoredFromUtf8ReadAs(text, reader);
}
