using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>Runs the built textrepair tool as a separate process, the way users run it.</summary>
internal static class Tool
{
    private static readonly string s_path = typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TextRepairCli").Value!;

    public static async Task<ToolResult> RunAsync(IEnumerable<string> arguments, byte[]? stdin = null, string? workingDirectory = null)
    {
        using Process process = Start([.. arguments], workingDirectory);
        var stdout = new MemoryStream();
        Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> readErr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(stdin);
            }
        }
        catch (IOException)
        {
            // The tool may stop reading early (bad input); its exit code tells.
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await copyOut;
        return new ToolResult(process.ExitCode, stdout.ToArray(), await readErr);
    }

    /// <summary>Starts the tool with redirected, UTF-8 standard streams, for tests that talk to it while it runs.</summary>
    public static Process Start(string[] arguments, string? workingDirectory = null)
    {
        Assert.True(File.Exists(s_path), $"The tool was not built at {s_path}.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(s_path);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    public static Task<ToolResult> RunAsync(string arguments, string stdin) =>
        RunAsync(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), Encoding.UTF8.GetBytes(stdin));

    /// <summary>Runs through /bin/sh, for redirections the test cannot do itself (e.g. stdout to /dev/full).</summary>
    /// <remarks>With <paramref name="inTerminal"/>, the command runs under script(1), whose terminal output becomes stdout.</remarks>
    public static async Task<ToolResult> RunShellAsync(string arguments, string redirection, bool inTerminal = false)
    {
        string command = $"dotnet '{s_path}' {arguments} {redirection}";
        var start = new ProcessStartInfo(inTerminal ? "script" : "/bin/sh")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = inTerminal,
            UseShellExecute = false,
        };
        if (inTerminal)
        {
            start.ArgumentList.Add("-qec");
            start.ArgumentList.Add(command);
            start.ArgumentList.Add("/dev/null");
        }
        else
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
        }

        using var process = Process.Start(start)!;
        if (inTerminal)
        {
            process.StandardInput.Close();
        }

        Task<string> readOut = process.StandardOutput.ReadToEndAsync();
        Task<string> readErr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolResult(process.ExitCode, Encoding.UTF8.GetBytes(await readOut), await readErr);
    }
}

/// <summary>Runs shell scripts that call the tool as <c>$T</c> (pipes, closed descriptors, special files).</summary>
internal static class Shell
{
    public static string ToolCommand => "dotnet " + ToolPath; // no quotes: $T is split into words unquoted

    private static string ToolPath => typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "TextRepairCli").Value!;

    /// <summary>Runs <paramref name="script"/> with /bin/sh in <paramref name="workingDirectory"/>; fails the test when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<ToolResult> RunAsync(string script, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["T"] = ToolCommand;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> readOut = process.StandardOutput.ReadToEndAsync();
        Task<string> readErr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"timed out after {timeout}: {script}");
        }

        return new ToolResult(process.ExitCode, Encoding.UTF8.GetBytes(await readOut), await readErr);
    }
}

internal sealed record ToolResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string Text => Encoding.UTF8.GetString(Stdout);

    public override string ToString() => $"exit {ExitCode}; stderr: {Stderr}";
}

/// <summary>A fresh directory per test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("textrepair-cli-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
