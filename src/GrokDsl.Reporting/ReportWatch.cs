namespace GrokDsl.Reporting;

/// <summary>
/// Re-renders a report on a fixed interval until what it shows has finished: the loop behind
/// <c>grokdsl report DIR --watch</c>. Pages of unfinished work reload themselves (<see cref="LiveRefresh"/>), so a
/// browser left open follows along. A run that dies without a summary never finishes: stop the watch with Ctrl+C.
/// </summary>
public static class ReportWatch
{
    /// <summary>
    /// Calls <paramref name="render"/> now and then every <paramref name="interval"/> until it returns true (all
    /// finished: that render is the final one) or <paramref name="cancellation"/> is signalled.
    /// </summary>
    /// <param name="render">Writes the report; returns true when everything it shows has finished.</param>
    /// <param name="interval">The pause between renders.</param>
    /// <param name="cancellation">Stops the watch between renders (Ctrl+C).</param>
    /// <returns>The number of renders, and whether the last one found everything finished.</returns>
    public static async Task<(int Renders, bool Finished)> RunAsync(Func<bool> render, TimeSpan interval, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        var renders = 0;
        while (true)
        {
            renders++;
            if (render()) return (renders, true);
            try
            {
                await Task.Delay(interval, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (renders, false);
            }
        }
    }
}
