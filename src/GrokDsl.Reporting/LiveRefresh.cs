namespace GrokDsl.Reporting;

/// <summary>
/// Reports of work in progress reload themselves: a page whose run (or any run of whose sweep) has no summary yet
/// carries <c>&lt;meta http-equiv="refresh"&gt;</c>, so a browser left open on it follows the newest render. What
/// re-renders it is <c>grokdsl report DIR --watch</c> (<see cref="ReportWatch"/>) or the run itself when it ends.
/// </summary>
public static class LiveRefresh
{
    /// <summary>How often an in-progress page reloads, in seconds.</summary>
    public const int Seconds = 30;
}
