using System.Text;

namespace TextRepair.Cli.Commands;

/// <summary>The input/output options shared by the commands, as parsed from the command line.</summary>
internal sealed record RunSettings
{
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public string? Output { get; init; }

    public bool InPlace { get; init; }

    public bool Recursive { get; init; }

    /// <summary>The legacy input encoding, or null for UTF-8.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The encoding name as the user gave it, for messages.</summary>
    public string? EncodingName { get; init; }

    public bool ReplaceInvalid { get; init; }

    public bool Jsonl { get; init; }

    public string Field { get; init; } = "text";

    public bool SkipInvalid { get; init; }

    public bool Report { get; init; }

    public bool Stats { get; init; }

    /// <summary>Parquet input, fault isolation and resumable directory runs.</summary>
    public Corpora.RunSettingsCorpora Corpora { get; init; } = new(FormatParquet: false, MaxErrors: null, SkipExisting: false);

    public long? MaxErrors => Corpora.MaxErrors;

    public bool SkipExisting => Corpora.SkipExisting;

    /// <summary>Size of the blocks the input is cut into for parallel processing.</summary>
    public int BlockSize { get; init; } = 1 << 20;
}
