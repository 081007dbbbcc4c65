using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GrokDsl.Tests.Browser;

/// <summary>
/// A minimal Chrome DevTools Protocol client over one page target's websocket: commands with their replies, and
/// every event kept in arrival order for the test to inspect (console messages, exceptions, network requests).
/// </summary>
sealed class DevToolsSession : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    readonly CancellationTokenSource _closing = new();
    readonly List<JsonObject> _events = [];
    Task _receiving = Task.CompletedTask;
    int _nextId;

    DevToolsSession()
    {
    }

    public static async Task<DevToolsSession> ConnectAsync(Uri webSocketUrl, CancellationToken cancellation)
    {
        var session = new DevToolsSession();
        session._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await session._socket.ConnectAsync(webSocketUrl, cancellation);
        session._receiving = Task.Run(session.ReceiveLoopAsync);
        return session;
    }

    /// <summary>The events received so far, e.g. <c>Runtime.exceptionThrown</c>.</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (_events) return [.. _events];
        }
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error throws.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, CancellationToken cancellation = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellation);
        using var registration = cancellation.Register(() => reply.TrySetCanceled(cancellation));
        var response = await reply.Task;
        if (response["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return response["result"]?.AsObject() ?? new JsonObject();
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (by value, as JSON).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellation = default)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, cancellation);
        if (result["exceptionDetails"] is { } exception) throw new InvalidOperationException($"evaluating `{expression}` threw: {exception.ToJsonString()}");
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until an event named <paramref name="method"/> has arrived (at any time since connecting).</summary>
    public async Task WaitForEventAsync(string method, CancellationToken cancellation)
    {
        while (!Events.Any(e => (string?)e["method"] == method))
            await Task.Delay(50, cancellation);
    }

    async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                var json = JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length))!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id && _pending.TryRemove((int)id, out var reply))
                    reply.TrySetResult(json);
                else
                    lock (_events) _events.Add(json);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the session is closing.
        }
        foreach (var reply in _pending.Values) reply.TrySetException(new InvalidOperationException("The DevTools connection closed."));
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException)
        {
        }
        await _receiving.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _closing.Dispose();
    }
}
