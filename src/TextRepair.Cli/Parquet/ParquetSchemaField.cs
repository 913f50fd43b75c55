using ParquetSharp;

namespace TextRepair.Cli.Parquet;

/// <summary>The column named by <c>--field</c>: found by its dotted path, and checked to hold strings.</summary>
internal readonly record struct ParquetSchemaField(int Index, ColumnDescriptor Descriptor)
{
    /// <summary>Finds <paramref name="path"/> (e.g. <c>text</c> or <c>meta.title</c>) among the leaf columns.</summary>
    public static ParquetSchemaField Find(SchemaDescriptor schema, string path, string displayName)
    {
        var names = new List<string>();
        for (int i = 0; i < schema.NumColumns; i++)
        {
            ColumnDescriptor column = schema.Column(i);
            string name = column.Path.ToDotString();
            if (string.Equals(name, path, StringComparison.Ordinal))
            {
                LogicalType? logicalType = Known(() => column.LogicalType, $"column '{path}'", displayName);
                if (column.PhysicalType != PhysicalType.ByteArray || logicalType is not StringLogicalType)
                {
                    throw new CliException(
                        $"{displayName}: column '{path}' holds {Describe(column.PhysicalType, logicalType)}, not strings (--field needs a string column)");
                }

                return new ParquetSchemaField(i, column);
            }

            names.Add(name);
        }

        throw new CliException($"{displayName}: no column '{path}' (columns: {string.Join(", ", names)})");
    }

    /// <summary>
    /// A logical type read from the schema. ParquetSharp throws <see cref="ArgumentOutOfRangeException"/> for a type it
    /// does not know (a damaged file, or a newer type; found by the <c>parquet</c> fuzz harness): a one-line error, exit 2.
    /// </summary>
    public static LogicalType? Known(Func<LogicalType?> logicalType, string what, string displayName)
    {
        try
        {
            return logicalType();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new CliException($"{displayName}: {what} has a logical type this reader does not know ({Program.OneLine(exception.Message)})", ExitCodes.BadInput, exception);
        }
    }

    // Strings are UTF-8 byte arrays of the String logical type (Arrow maps the legacy UTF8 converted type to it).
    private static string Describe(PhysicalType physicalType, LogicalType? logicalType) =>
        logicalType is NoneLogicalType or null ? physicalType.ToString() : $"{physicalType} ({logicalType})";
}
