using System.Text;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Commands;

/// <summary>The input/output options shared by the commands, as parsed from the command line.</summary>
internal sealed record RunSettings
{
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public string? Output { get; init; }

    public bool InPlace { get; init; }

    public bool Recursive { get; init; }

    /// <summary>What <c>-r</c> skips (<c>--hidden</c>, <c>--no-ignore</c>).</summary>
    public WalkOptions Walk { get; init; } = new();

    /// <summary>The input encoding, or null for UTF-8.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary><c>--encoding auto</c>: each input is read in the encoding detected from its first bytes (<see cref="Encoding"/> is null).</summary>
    public bool AutoEncoding { get; init; }

    /// <summary>The output encoding, or null for the default (UTF-8, or the input's own in place).</summary>
    public Encoding? OutputEncoding { get; init; }

    /// <summary><c>--output-encoding same</c>: each input's own encoding and byte order mark.</summary>
    public bool OutputEncodingSame { get; init; }

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

    /// <summary>The command writes a report about its inputs (detect), never text in place of them.</summary>
    public bool WritesReport { get; init; }

    /// <summary>Size of the blocks the input is cut into for parallel processing.</summary>
    public int BlockSize { get; init; } = 1 << 20;
}
