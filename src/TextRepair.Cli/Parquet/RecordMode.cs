namespace TextRepair.Cli.Parquet;

/// <summary>What a command does with each record of a Parquet input.</summary>
internal sealed class RecordMode
{
    private RecordMode(DocumentProcessor? processor)
    {
        Processor = processor;
    }

    /// <summary>Converts or repairs the column's values: the output is a Parquet file (null for <c>detect</c>).</summary>
    public DocumentProcessor? Processor { get; }

    /// <summary>Analyses each value and writes one JSON report per row (<c>detect</c>).</summary>
    public bool Detect => Processor is null;

    public static RecordMode Transform(DocumentProcessor processor) => new(processor);

    public static RecordMode Analyze() => new(null);
}
