using System.Text;
using System.Text.Json;
using GrokDsl.Runs;
using Microsoft.AspNetCore.Http;

namespace GrokDsl.Cli.Dashboard;

/// <summary>
/// One page's server-sent event stream: a <c>store</c> event whenever the listing changes, and a <c>points</c> event
/// with the records each running run appended since the last look (its whole history first). The runs folder is
/// polled, not watched: it may sit on a network file system, where change notifications do not arrive.
/// </summary>
sealed class LiveEvents(string runsRoot, TimeSpan poll)
{
    readonly Dictionary<string, MetricsTail> _tails = new(StringComparer.Ordinal);
    string? _lastStore;

    public async Task StreamAsync(HttpResponse response, CancellationToken stopping)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Tells the browser how soon to reconnect if the stream drops (the server restarted).
        await WriteAsync(response, "retry: 2000\n\n", stopping);
        while (!stopping.IsCancellationRequested)
        {
            await SendChangesAsync(response, stopping);
            try
            {
                await Task.Delay(poll, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    async Task SendChangesAsync(HttpResponse response, CancellationToken stopping)
    {
        var store = StoreSnapshot.Read(runsRoot, DateTime.UtcNow);
        var storeJson = JsonSerializer.Serialize(store, RunJson.Line);
        if (storeJson != _lastStore)
        {
            await SendAsync(response, "store", storeJson, stopping);
            _lastStore = storeJson;
        }
        // A run keeps being followed after it ends, so that its last records reach the page too.
        foreach (var run in store.Runs)
        {
            var key = $"{run.Experiment}/{run.Run}";
            var first = !_tails.TryGetValue(key, out var tail);
            if (first)
            {
                if (!run.Live) continue;
                tail = _tails[key] = new MetricsTail(RunDirectory.For(runsRoot, run.Experiment, run.Run).MetricsPath);
            }
            // A page that reconnects gets each run's history again: the first batch tells it to start the chart over.
            var batch = tail!.ReadNew() is var read && first ? read with { Restarted = true } : read;
            if (batch.Records.Count == 0 && !batch.Restarted) continue;
            await SendAsync(response, "points", JsonSerializer.Serialize(LivePoints.Of(run, batch), RunJson.Line), stopping);
        }
    }

    static Task SendAsync(HttpResponse response, string name, string json, CancellationToken stopping) =>
        WriteAsync(response, $"event: {name}\ndata: {json}\n\n", stopping);

    static async Task WriteAsync(HttpResponse response, string text, CancellationToken stopping)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), stopping);
        await response.Body.FlushAsync(stopping);
    }
}

/// <summary>
/// New points of one run's accuracy curves, as the page extends its chart with them. Test accuracy exists only on
/// evaluation steps, hence its own steps.
/// </summary>
/// <param name="Restarted">The metrics were rewritten (a resumed run): the page clears the chart before adding these.</param>
sealed record LivePoints(string Experiment, string Run, bool Restarted, IReadOnlyList<long> TrainSteps, IReadOnlyList<double> Train,
    IReadOnlyList<long> TestSteps, IReadOnlyList<double> Test)
{
    public static LivePoints Of(RunRow run, MetricsBatch batch)
    {
        // Post-hoc passes (grokdsl measure) add measures to finished steps; they are not training progress.
        var training = batch.Records.Where(r => r.Pass is null).ToList();
        var tested = training.Where(r => r.TestAccuracy is not null).ToList();
        return new LivePoints(run.Experiment, run.Run, batch.Restarted,
            [.. training.Select(r => r.Step)], [.. training.Select(r => r.TrainAccuracy)],
            [.. tested.Select(r => r.Step)], [.. tested.Select(r => r.TestAccuracy!.Value)]);
    }
}
