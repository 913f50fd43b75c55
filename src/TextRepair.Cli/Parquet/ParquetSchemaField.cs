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
                if (!IsString(column))
                {
                    throw new CliException(
                        $"{displayName}: column '{path}' holds {Describe(column)}, not strings (--field needs a string column)");
                }

                return new ParquetSchemaField(i, column);
            }

            names.Add(name);
        }

        throw new CliException($"{displayName}: no column '{path}' (columns: {string.Join(", ", names)})");
    }

    /// <summary>UTF-8 byte arrays: the String logical type (Arrow maps the legacy UTF8 converted type to it).</summary>
    private static bool IsString(ColumnDescriptor column) =>
        column.PhysicalType == PhysicalType.ByteArray && column.LogicalType is StringLogicalType;

    private static string Describe(ColumnDescriptor column) =>
        column.LogicalType is NoneLogicalType or null ? column.PhysicalType.ToString() : $"{column.PhysicalType} ({column.LogicalType})";
}
