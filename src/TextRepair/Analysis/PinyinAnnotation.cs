using System.Text;

namespace TextRepair;

/// <summary>
/// A parenthesised pinyin syllable written right after a Han character (<c>堅(jiān)</c>), found by
/// <see cref="TextAnalyzer"/>. Repeated parentheses (<c>的(de)(de)</c>) form one annotation.
/// </summary>
/// <param name="Start">Index of the opening parenthesis in the analysed text.</param>
/// <param name="Length">Length up to and including the last closing parenthesis.</param>
/// <param name="CharacterStart">Index of the annotated character (one or two UTF-16 units before <paramref name="Start"/>).</param>
/// <param name="Character">The annotated character.</param>
/// <param name="Syllable">The syllable as written inside the first parentheses, without trailing spaces.</param>
/// <param name="Toned">True when the syllable carries a tone mark.</param>
/// <param name="Match">How the syllable relates to the character's readings.</param>
public readonly record struct PinyinAnnotation(
    int Start, int Length, int CharacterStart, Rune Character, string Syllable, bool Toned, AnnotationMatch Match);
