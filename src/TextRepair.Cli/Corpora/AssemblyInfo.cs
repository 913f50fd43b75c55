using System.Runtime.CompilerServices;

// The CLI tests reach the record processors and the test seam of Runner in process.
[assembly: InternalsVisibleTo("TextRepair.Cli.Tests")]
[assembly: InternalsVisibleTo("TextRepair.Fuzz")]
