using System.Text;
using System.Text.Json;
using TextRepair.Conversion;
using TextRepair.Internal;

namespace TextRepair.Tests;

public sealed class ConfigJsonTests
{
    public static TheoryData<string> Configs => [.. ChineseConverter.Configs];

    [Theory]
    [MemberData(nameof(Configs))]
    public void EveryEmbeddedConfigReadsAsSystemTextJsonReadsIt(string config)
    {
        byte[] json = EmbeddedData.ReadAllBytes("OpenCC/config/" + config + ".json");
        using JsonDocument expected = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        AssertSame(expected.RootElement, ConfigJson.Parse(json));
    }

    [Fact]
    public void ReadsCommentsTrailingCommasEscapesAndLiterals()
    {
        const string Text = "\uFEFF// OpenCC\n{ /* block */ \"a\": [1, -2.5e3, true, false, null,], \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u6F22字\", }";
        ConfigJson.Value root = ConfigJson.Parse(Encoding.UTF8.GetBytes(Text));
        Assert.Equal(ConfigJson.Kind.Object, root.Kind);
        Assert.Equal([ConfigJson.Kind.Number, ConfigJson.Kind.Number, ConfigJson.Kind.Boolean, ConfigJson.Kind.Boolean, ConfigJson.Kind.Null], root.Required("a").Items.Select(v => v.Kind));
        Assert.True(root.Required("a").Items[2].Boolean());
        Assert.False(root.Required("a").Items[3].Boolean());
        Assert.Equal("\"\\/\b\f\n\r\t漢字", root.Required("s").String());
        Assert.Null(root.Property("missing"));
    }

    [Theory]
    [InlineData("\uFEFF{\"s\": \"ascii\"}", "ascii")]
    [InlineData("\uFEFF\uFEFF{\"s\": \"ascii\"}", "ascii")]
    [InlineData("{\"s\": \"\u00E9t\u00E9\"}", "\u00E9t\u00E9")]
    [InlineData("\uFEFF{\"s\": \"\u6F22\"}", "\u6F22")]
    public void DecodesAsciiAndUtf8WithOrWithoutByteOrderMarks(string text, string expected)
    {
        ConfigJson.Value root = ConfigJson.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(expected, root.Required("s").String());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\": 1 \"b\": 2}")]
    [InlineData("[1 2]")]
    [InlineData("\"open")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("\"short \\u12\"")]
    [InlineData("/* open comment")]
    [InlineData("{} extra")]
    [InlineData("{a: 1}")]
    [InlineData("nope")]
    public void MalformedJsonThrowsInvalidDataException(string text)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => ConfigJson.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Contains("OpenCC config JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKindsAndMissingPropertiesThrowInvalidDataException()
    {
        ConfigJson.Value root = ConfigJson.Parse("{\"type\": 1, \"flag\": \"yes\"}"u8);
        Assert.Throws<InvalidDataException>(() => root.Required("type").String());
        Assert.Throws<InvalidDataException>(() => root.Required("flag").Boolean());
        Assert.Throws<InvalidDataException>(() => root.Required("dict"));
    }

    private static void AssertSame(JsonElement expected, ConfigJson.Value actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(ConfigJson.Kind.Object, actual.Kind);
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    AssertSame(property.Value, actual.Required(property.Name));
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(ConfigJson.Kind.Array, actual.Kind);
                Assert.Equal(expected.GetArrayLength(), actual.Items.Count);
                for (int i = 0; i < actual.Items.Count; i++)
                {
                    AssertSame(expected[i], actual.Items[i]);
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.String());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.Equal(expected.GetBoolean(), actual.Boolean());
                break;
            case JsonValueKind.Number:
                Assert.Equal(ConfigJson.Kind.Number, actual.Kind);
                Assert.Equal(expected.GetRawText(), actual.Text);
                break;
            default:
                Assert.Equal(ConfigJson.Kind.Null, actual.Kind);
                break;
        }
    }
}
