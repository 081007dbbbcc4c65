using System.Text.Json.Nodes;
using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

/// <summary>The run report's phases, Fourier spectra, versions and live refresh.</summary>
public sealed class RunReportAdditionsTests
{
    static readonly string Html = ReportHtml.RenderPage(Fixture.Load());

    [Fact]
    public void Phases_are_shown_as_a_strip_a_table_and_shading_in_the_measure_panels()
    {
        // The fixture memorized at 500 (train ≥ 99 %); its test loss peaks there and falls 2.3 decades by 10,000.
        Assert.Contains("<h2>Training phases</h2>", Html);
        Assert.Contains("""<tr class="phase-memorization"><td><span class="swatch"></span>memorization</td><td>0 – 500</td>""", Html);
        Assert.Contains("""<tr class="phase-circuitformation"><td><span class="swatch"></span>circuit formation</td><td>500 – 5,000</td>""", Html);
        Assert.Contains("""<tr class="phase-cleanup"><td><span class="swatch"></span>cleanup</td><td>5,000 – 10,000</td>""", Html);
        Assert.Contains("Cleanup ended at step 10,000.", Html);

        var strip = ReportHtml.Figure(Html, "chart-phases")["layout"]!["shapes"]!.AsArray();
        // Step 0 cannot be drawn on the log axis: memorization starts at the first plotted step.
        Assert.Equal([(10L, 500L, "memorization"), (500L, 5000L, "circuit formation"), (5000L, 10000L, "cleanup")],
            strip.Select(shape => ((long)shape!["x0"]!, (long)shape["x1"]!, (string)shape["label"]!["text"]!)));

        var panel = ReportHtml.Figure(Html, "chart-measure-1")["layout"]!["shapes"]!.AsArray();
        Assert.Equal(3, panel.Count(shape => (string?)shape!["type"] == "rect"));
    }

    [Fact]
    public void A_run_that_never_memorized_has_no_phases()
    {
        var report = Fixture.Load() with { Metrics = [new MetricRecord(10, 2, 0.3, 2, 0.1, 1), new MetricRecord(20, 1.5, 0.5, 2, 0.1, 2)] };

        var html = ReportHtml.RenderPage(report);

        Assert.DoesNotContain("Training phases", html);
        Assert.DoesNotContain("chart-phases", html);
    }

    [Fact]
    public void Fourier_spectrum_keys_become_a_heatmap_of_shares_with_key_frequencies_marked()
    {
        static Dictionary<string, double> Measures(double k1, double k2, double k3, bool keyFrequency) => new()
        {
            ["fourier.spectrum.1"] = k1,
            ["fourier.spectrum.2"] = k2,
            ["fourier.spectrum.3"] = k3,
            ["fourier.embedding.gini"] = 0.5,
            [keyFrequency ? "fourier.key_frequency.k2" : "fourier.key_frequencies.count"] = keyFrequency ? 0.9 : 0,
        };
        var report = Fixture.Load() with
        {
            Metrics =
            [
                new MetricRecord(100, 1, 0.5, 2, 0.1, 1, Measures(1, 1, 2, keyFrequency: false)),
                new MetricRecord(1000, 1, 1, 1, 0.9, 2, Measures(0, 9, 1, keyFrequency: true)),
            ],
        };

        var html = ReportHtml.RenderPage(report);
        var figure = ReportHtml.Figure(html, "chart-spectrum-0");
        var heatmap = figure["data"]![0]!;

        Assert.Contains("<h2>Fourier spectrum of the embedding</h2>", html);
        Assert.Equal("heatmap", (string?)heatmap["type"]);
        // Brick edges at geometric midpoints, so each column is centred on its step on the log axis.
        Assert.Equal([31.623, 316.228, 3162.278], heatmap["x"]!.AsArray().Select(x => Math.Round((double)x!, 3)));
        Assert.Equal([9.0, 1000], heatmap["customdata"]![1]![1]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1, 2, 3], heatmap["y"]!.AsArray().Select(y => (int)y!));
        // z[k][step]: each column is that step's shares.
        Assert.Equal([0.25, 0.0], Row(heatmap, 0));
        Assert.Equal([0.25, 0.9], Row(heatmap, 1));
        Assert.Equal([0.5, 0.1], Row(heatmap, 2));
        var marker = figure["data"]![1]!;
        Assert.Equal([2], marker["y"]!.AsArray().Select(y => (int)y!));
        Assert.Contains("Key frequencies (marked ◀) at step 1,000: 2.", html);
        // The spectrum keys get no panels of their own; the key-frequency scores share one.
        Assert.DoesNotContain("<h3>fourier.spectrum.1</h3>", html);
        Assert.Contains("<h3>fourier.key_frequency.k*</h3>", html);
        Assert.Contains("<h3>fourier.embedding.gini</h3>", html);
    }

    [Fact]
    public void Without_spectrum_keys_there_is_no_heatmap()
    {
        Assert.DoesNotContain("chart-spectrum", Html);
        Assert.DoesNotContain("Fourier spectrum", Html);
    }

    [Fact]
    public void The_recorded_environment_is_listed_with_a_command_line_that_pastes_back()
    {
        using var runs = new TempRuns();
        var run = runs.CopyOfFixture();
        run.WriteEnvironment(Environment("/home/me/grokking experiments/Modular.cs"));

        var html = ReportHtml.RenderPage(Fixture.Load(run));

        Assert.Contains("""<tr><th scope="row">TorchSharp</th><td>0.107.0</td></tr>""", html);
        Assert.Contains("""<tr><th scope="row">.NET</th><td>10.0.1</td></tr>""", html);
        Assert.Contains("""<tr><th scope="row">Command line</th><td>grokdsl run &#39;/home/me/grokking experiments/Modular.cs&#39; --force</td></tr>""", html);
        Assert.Contains("""<tr><th scope="row">Git commit</th><td>0123abc (uncommitted changes)</td></tr>""", html);
        Assert.Contains("The run recorded no environment", RunReportAdditionsTests.Html);
    }

    [Fact]
    public void Reproduce_command_runs_the_recorded_experiment_file_or_the_built_in_id()
    {
        using var runs = new TempRuns();
        var run = runs.CopyOfFixture();

        Assert.Equal("grokdsl run modular-addition", ReproduceCommand.For(run));
        run.WriteEnvironment(Environment("/home/me/grokking experiments/Modular.cs"));
        Assert.Equal("grokdsl run '/home/me/grokking experiments/Modular.cs' --id modular-addition", ReproduceCommand.For(run));
        run.WriteEnvironment(Environment("assembly:GrokDsl.Experiments"));
        Assert.Equal("grokdsl run modular-addition", ReproduceCommand.For(run));
    }

    static RunEnvironment Environment(string origin) => new()
    {
        GrokDslVersion = "0.1.0",
        TorchSharpVersion = "0.107.0",
        LibTorchVersion = "2.10.0",
        DotNetVersion = "10.0.1",
        OperatingSystem = "Debian 12",
        Machine = "lab-7",
        Device = "cpu",
        Threads = 2,
        StartedAt = Fixture.GeneratedAt,
        CommandLine = ["/opt/grokdsl/grokdsl.dll", "run", origin, "--force"],
        Plugins = new Dictionary<string, string>(),
        ExperimentOrigin = origin,
        GitCommit = "0123abc",
        GitDirty = true,
    };

    [Fact]
    public void A_run_in_progress_reloads_itself_and_says_so_and_a_finished_one_does_not()
    {
        var live = ReportHtml.RenderPage(Fixture.Load() with { Summary = null });

        Assert.Contains($"""<meta http-equiv="refresh" content="{LiveRefresh.Seconds}">""", live);
        Assert.Contains("""<span class="badge status-in-progress">in progress</span>""", live);
        Assert.Contains("""<span class="live">this page reloads every 30 s</span>""", live);
        Assert.DoesNotContain("http-equiv", Html);
        Assert.DoesNotContain("class=\"live\"", Html);
    }

    static double[] Row(JsonNode heatmap, int k) => [.. heatmap["z"]![k]!.AsArray().Select(z => Math.Round((double)z!, 9))];
}
