using System.Runtime.CompilerServices;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The Box Drawing block (U+2500..U+257F) as drawings use it: two different box-drawing characters next to each other
/// on a line are part of one drawing only when the first has an arm to the right and the second an arm to the left
/// ("┌──┬──┐", "├─┼─┤", "╔══╗"). Single-byte readers of CJK text (cp437, cp850, cp866) write box-drawing characters
/// at random ("║╕│╗" for EUC-KR 보내, "╥⌠└╓" for GBK 音乐), and many of their neighbours do not join. In the training
/// packages that hold box drawings (manpages-de/es/fr/zh, Debian Reference zh-cn, util-linux-locales), 131 of 131
/// transitions between two different box-drawing characters join. The arms come from the Unicode character names
/// (<c>BoxDrawing.g.cs</c>, written by <c>tools/gen-box-drawing.py</c>). Thread-safe.
/// </summary>
internal static partial class BoxDrawing
{
    private const char First = '\u2500';
    private const char Last = '\u257F';
    private const byte Left = 1;
    private const byte Right = 2;

    /// <summary>True when <paramref name="c"/> is in the Box Drawing block.</summary>
    public static bool Contains(char c) => c is >= First and <= Last;

    /// <summary>
    /// True when box-drawing characters <paramref name="left"/> then <paramref name="right"/> join: the first has an arm
    /// to the right and the second one to the left, of the same weight (light, heavy or double). A drawing changes a
    /// line's weight inside a character made for it ("╞═", "┍━", "╼"), never between two: "╩╨" (double arm, single
    /// arm) is no drawing, and cp437 and cp866 write such pairs for GBK (市 is "╩╨"). Both must be in the block (see
    /// <see cref="Contains"/>).
    /// </summary>
    public static bool Joins(char left, char right) =>
        (Arms[left - First] & Right) != 0 && (Arms[right - First] & Left) != 0
        && Weights[left - First] >> 2 == (Weights[right - First] & 3);

    /// <summary>
    /// True when a box-drawing character's arm points at a letter of an alphabet next to it: <paramref name="left"/> has
    /// an arm to the right and <paramref name="right"/> is such a letter, or <paramref name="right"/> has an arm to the
    /// left and <paramref name="left"/> is one ("├и", "и┐", "─a"). A drawing's arm ends in another box-drawing character
    /// or in a space; text inside a drawing sits beside the characters without a side arm ("│Name│", "║ 1 ║").
    /// Single-byte readers of CJK text (cp437, cp850, cp866) write box-drawing characters and the letters of their
    /// alphabets (Latin, Greek, Cyrillic) side by side at random; CJK letters are left out, as those readers never write
    /// them and separator lines run up to CJK titles ("第一章────正文").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Once per character scored (TextLikelihood), mostly two range tests.
    public static bool ArmMeetsLetter(char left, char right) =>
        (Contains(left) && (Arms[left - First] & Right) != 0 && IsAlphabetLetter(right))
        || (Contains(right) && (Arms[right - First] & Left) != 0 && IsAlphabetLetter(left));

    // A letter below the CJK blocks: Latin, Greek, Cyrillic and the other alphabets.
    private static bool IsAlphabetLetter(char c) => c < '\u2E80' && char.IsLetter(c);
}
