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
    /// True when a box-drawing character's arm points at text next to it: <paramref name="left"/> has an arm to the right
    /// and <paramref name="right"/> is a letter of an alphabet or a code-page symbol (see <see cref="IsArmlessText"/>), or
    /// <paramref name="right"/> has an arm to the left and <paramref name="left"/> is one ("├и", "и┐", "─a", "├⌐"). A
    /// drawing's arm ends in another box-drawing character or in a space; text inside a drawing sits beside the
    /// characters without a side arm ("│Name│", "║ 1 ║"). Single-byte readers of CJK text (cp437, cp850, cp866) write
    /// box-drawing characters and the letters of their alphabets (Latin, Greek, Cyrillic) side by side at random; CJK
    /// letters are left out, as those readers never write them and separator lines run up to CJK titles ("第一章────正文").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Once per character scored (TextLikelihood), mostly two range tests.
    public static bool ArmMeetsText(char left, char right) =>
        (Contains(left) && (Arms[left - First] & Right) != 0 && IsArmlessText(right))
        || (Contains(right) && (Arms[right - First] & Left) != 0 && IsArmlessText(left));

    // Text no arm of a drawing ends in: a letter below the CJK blocks (Latin, Greek, Cyrillic and the other alphabets),
    // or a symbol of Latin-1 (U+00A1..U+00BF, the multiplication and division signs) or cp437's reversed not sign: what
    // the DOS pages write for UTF-8's continuation bytes 0x80..0xBF that are not letters, so that a Latin letter written
    // in UTF-8 and read by cp437 or cp850 is a box-drawing lead with its arm on such a symbol (é is "├⌐" under cp437 and
    // "├®" under cp850, è "├¿"). Scored as the models have them, those pairs were likelier than the clean letter's (a
    // Han model that knows ├ from directory trees maps the unseen ⌐ to its block's likeliest symbol): "ex├⌐cute" read
    // as exécute gained 6 nats, under every threshold, so a line with one such letter stayed garbled (session 38,
    // tools/probe-latin.py). Arrows, geometric shapes, block elements and ASCII are left out: drawings end lines in
    // them ("└─►", "──>", "├██").
    private static bool IsArmlessText(char c) =>
        (c < '\u2E80' && char.IsLetter(c)) || c is (>= '\u00A1' and <= '\u00BF') or '\u00D7' or '\u00F7' or '\u2310';
}
