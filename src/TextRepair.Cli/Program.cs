namespace TextRepair.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
