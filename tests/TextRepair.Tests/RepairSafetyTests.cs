using System.Text;
using System.Text.RegularExpressions;
using TextRepair.Internal;

namespace TextRepair.Tests;

/// <summary>Repair never invents characters, counts each repair once, and rejects undefined options.</summary>
public sealed partial class RepairSafetyTests
{
    // Machine-converted with STCharacters' first values, character by character, as the mirrors do.
    private const string Context = "請與我們聯系，了解雙方的關系。關於這個問題，我們會再聯系你。頭發裏面有很多東西，發展很快。";

    private const string AnnotatedPage =
        "東莞:把基層黨組織鍛造得更加堅(jiān)強(qiáng)有力。會(huì)上,各鎮(zhèn)街黨委書記圍繞抓好基層黨建工作進(jìn)行述職。"
        + "要堅(jiān)持以習(xí)近平新時(shí)代中國特色社會(huì)主義思想為指導(dǎo),全面加強(qiáng)黨的建設(shè)。";

    private static readonly Lazy<Dictionary<int, int>> s_forward = new(() => FirstValues("OpenCC/dictionary/STCharacters.txt"));
    private static readonly Lazy<Dictionary<int, int[]>> s_ts = new(() => AllValues("OpenCC/dictionary/TSCharacters.txt"));

    [Fact]
    public void Qianlong_keeps_its_qian_in_a_machine_converted_page()
    {
        string converted = Forward("乾隆年间，") + Context;

        RepairResult result = TextRepairer.Repair(converted);

        Assert.True(result.Changed);
        Assert.StartsWith("乾隆年间，请与我们联系", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Restored_characters_are_ones_the_forward_conversion_could_have_turned_into_the_observed_one()
    {
        // Every character OpenCC's TS table maps elsewhere, one per line after a page that shows machine conversion.
        List<int> keys = [.. s_ts.Value.Keys.Where(t => s_ts.Value[t].Any(s => s != t)).Order()];
        string text = Context + "\n" + string.Join("\n", keys.Select(char.ConvertFromUtf32));

        string[] lines = TextRepairer.Repair(text).Text.Split('\n');

        Assert.Equal(keys.Count + 1, lines.Length);
        Assert.NotEqual(Context, lines[0]);
        int restored = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            int t = keys[i];
            int s = char.ConvertToUtf32(lines[i + 1], 0);
            if (s == t)
            {
                continue;
            }

            restored++;

            // Either the forward conversion turns s into t, or t is no Simplified form at all (TS does not list it
            // among its own values), so that in a Simplified original it can only be the product of a conversion.
            bool forward = s_forward.Value.TryGetValue(s, out int first) && first == t;
            bool traditionalOnly = !s_ts.Value[t].Contains(t);
            Assert.True(forward || traditionalOnly, $"{char.ConvertFromUtf32(t)} was restored as {char.ConvertFromUtf32(s)}");
            Assert.Contains(s, s_ts.Value[t]);
        }

        Assert.True(restored > keys.Count / 2, $"only {restored} of {keys.Count} restored");
    }

    [Fact]
    public void Each_repair_is_counted_once_under_its_own_kind()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));

        RepairResult result = TextRepairer.Repair(seed);
        string explanation = result.Explain();

        int removed = int.Parse(RemovedAnnotations().Match(explanation).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int annotationEdits = result.Edits.Count(edit => edit.Kind == RepairKind.Annotation);
        Assert.Equal(241, removed);
        Assert.Equal(removed, annotationEdits);
        Assert.Contains($"Annotation {annotationEdits} ", explanation, StringComparison.Ordinal);
        Assert.All(result.Edits.Where(edit => edit.Kind == RepairKind.Annotation), edit => Assert.Empty(edit.Replacement));
        Assert.Equal(result.Text, SeedTests.Apply(seed, result.Edits));
    }

    [Fact]
    public void Forced_targets_keep_annotation_removals_apart_from_script_edits()
    {
        RepairResult result = TextRepairer.Repair(AnnotatedPage, new RepairOptions { Target = ScriptTarget.Hant });

        Assert.Equal(12, result.Edits.Count(edit => edit.Kind == RepairKind.Annotation));
        Assert.Equal(result.Text, SeedTests.Apply(AnnotatedPage, result.Edits));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(-1)]
    public void An_undefined_script_target_is_rejected(int value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RepairOptions { Target = (ScriptTarget)value });

        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not a ScriptTarget", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_summarises_the_result()
    {
        RepairResult result = TextRepairer.Repair(AnnotatedPage);
        RepairResult clean = TextRepairer.Repair("clean");

        Assert.Matches(@"^RepairResult \{ Text = \d+ chars, Changed = True, Lossy = (True|False), Edits = \d+: Annotation \d+.* \}$", result.ToString());
        Assert.DoesNotContain("System.", result.ToString(), StringComparison.Ordinal);
        Assert.Equal("RepairResult { Text = 5 chars, Changed = False, Lossy = False, Edits = 0 }", clean.ToString());
    }

    private static string Forward(string simplified)
    {
        var builder = new StringBuilder();
        foreach (Rune rune in simplified.EnumerateRunes())
        {
            builder.Append(char.ConvertFromUtf32(s_forward.Value.TryGetValue(rune.Value, out int t) ? t : rune.Value));
        }

        return builder.ToString();
    }

    private static Dictionary<int, int> FirstValues(string file) =>
        AllValues(file).ToDictionary(pair => pair.Key, pair => pair.Value[0]);

    private static Dictionary<int, int[]> AllValues(string file)
    {
        var map = new Dictionary<int, int[]>();
        foreach (var (key, value) in EmbeddedData.ReadTabSeparated(file))
        {
            int[] values = [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(v => v.EnumerateRunes().Count() == 1).Select(v => char.ConvertToUtf32(v, 0))];
            if (key.EnumerateRunes().Count() == 1 && values.Length > 0)
            {
                map[char.ConvertToUtf32(key, 0)] = values;
            }
        }

        return map;
    }

    [GeneratedRegex(@"removing (\d+) of")]
    private static partial Regex RemovedAnnotations();
}
