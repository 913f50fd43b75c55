using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TextRepair.Playground.Tests;

/// <summary>
/// A tiny static file server on 127.0.0.1 for the published wwwroot, like any static host: files by path, a content
/// type by extension, and (when <c>precompressed</c>) the <c>.br</c>/<c>.gz</c> files that the publish wrote, picked by
/// the request's Accept-Encoding as a host configured for Blazor does. It counts the bytes it sends per path, and can
/// hold back the responses for one file until released (to show the page works before the library arrives).
/// </summary>
public sealed class StaticServer : IDisposable
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".css"] = "text/css",
        [".json"] = "application/json",
        [".wasm"] = "application/wasm",
        [".dat"] = "application/octet-stream",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    };

    private readonly string _root;
    private readonly bool _precompressed;
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StaticServer(string root, bool precompressed)
    {
        _root = Path.GetFullPath(root);
        _precompressed = precompressed;
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The site's address, ending in '/'.</summary>
    public string BaseUrl { get; }

    /// <summary>Bytes sent per request path (as sent: compressed when a compressed file was served).</summary>
    public ConcurrentDictionary<string, long> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>Content-Encoding used per request path ("identity", "br" or "gzip").</summary>
    public ConcurrentDictionary<string, string> Encodings { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, requests for files whose name it accepts wait for <see cref="Release"/>.</summary>
    public Func<string, bool>? Hold { get; set; }

    /// <summary>Completed by <see cref="Release"/>.</summary>
    private TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a held request has arrived.</summary>
    public TaskCompletionSource HeldRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held requests through.</summary>
    public void Release() => Released.TrySetResult();

    public void Dispose()
    {
        _stop.Cancel();
        Release();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener throws when closed under a pending GetContext; nothing is left to serve.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            string path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            string relative = path.TrimStart('/');
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                relative += "index.html";
            }

            string file = Path.GetFullPath(Path.Combine(_root, relative));
            if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                return;
            }

            if (Hold is { } hold && hold(Path.GetFileName(file)))
            {
                HeldRequestArrived.TrySetResult();
                await Released.Task;
            }

            string accept = context.Request.Headers["Accept-Encoding"] ?? "";
            string encoding = "identity";
            string served = file;
            if (_precompressed && accept.Contains("br", StringComparison.Ordinal) && File.Exists(file + ".br"))
            {
                (encoding, served) = ("br", file + ".br");
            }
            else if (_precompressed && accept.Contains("gzip", StringComparison.Ordinal) && File.Exists(file + ".gz"))
            {
                (encoding, served) = ("gzip", file + ".gz");
            }

            byte[] body = await File.ReadAllBytesAsync(served);
            response.ContentType = s_types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            if (encoding != "identity")
            {
                response.AddHeader("Content-Encoding", encoding);
            }

            response.AddHeader("Cache-Control", "no-store");
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            Sent[path] = body.Length;
            Encodings[path] = encoding;
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away mid-response (page closed); nothing to do.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
