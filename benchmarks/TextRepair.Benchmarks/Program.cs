using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace TextRepair.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // Benchmarks of native OpenCC run only where Debian's libopencc1.1 is installed.
        IConfig config = DefaultConfig.Instance.AddFilter(new SimpleFilter(benchmark =>
            NativeOpenCc.IsAvailable || !benchmark.Descriptor.WorkloadMethod.Name.StartsWith("Native", StringComparison.Ordinal)));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
