// The dashboard page: lists what the server's "store" events describe and draws each running run's accuracy as its
// "points" events arrive. Text goes into the page through textContent, never innerHTML: ids and paths are user data.
(function () {
  "use strict";

  var connection = document.getElementById("connection");

  function cell(row, text, className) {
    var td = row.insertCell();
    td.textContent = text === null || text === undefined ? "—" : String(text);
    if (className) td.className = className;
    return td;
  }

  function link(row, href, text) {
    var td = row.insertCell();
    if (!href) { td.textContent = "—"; return; }
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    td.appendChild(a);
  }

  function fill(tableId, items, addCells) {
    var body = document.getElementById(tableId).tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    items.forEach(function (item) { addCells(body.insertRow(), item); });
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString() : null; }

  function chartId(experiment, run) { return "live-" + experiment + "-" + run; }

  // One chart per run, made on first sight; later points extend it.
  function ensureChart(experiment, run) {
    var id = chartId(experiment, run);
    if (document.getElementById(id)) return id;
    var card = document.createElement("div");
    var title = document.createElement("h3");
    title.textContent = experiment + "/" + run;
    var plot = document.createElement("div");
    plot.className = "plot";
    plot.id = id;
    card.appendChild(title);
    card.appendChild(plot);
    document.getElementById("live").appendChild(card);
    document.getElementById("no-live").hidden = true;
    Plotly.newPlot(id, [
      { type: "scatter", mode: "lines", name: "train", x: [], y: [], line: { color: "#2563eb", width: 3.5 }, opacity: 0.6 },
      { type: "scatter", mode: "lines", name: "test", x: [], y: [], line: { color: "#e11d48", width: 2, dash: "dash" } },
    ], {
      height: 300, margin: { l: 56, r: 16, t: 8, b: 40 }, paper_bgcolor: "rgba(0,0,0,0)", hovermode: "x unified",
      xaxis: { title: { text: "step" }, gridcolor: "#e5e7eb" },
      yaxis: { title: { text: "accuracy" }, tickformat: ".0%", range: [-0.02, 1.04], gridcolor: "#e5e7eb" },
      legend: { orientation: "h", x: 0, y: 1.0, yanchor: "bottom" },
    }, { responsive: true, displaylogo: false });
    return id;
  }

  function showStore(store) {
    document.getElementById("root").textContent = store.root;
    fill("experiments", store.experiments, function (row, e) {
      cell(row, e.experiment); cell(row, e.runs, "num"); cell(row, e.grokked, "num"); cell(row, e.running, "num");
    });
    fill("sweeps", store.sweeps, function (row, s) {
      cell(row, s.experiment); cell(row, s.sweep); cell(row, when(s.createdAt)); cell(row, s.runs, "num");
      link(row, s.report, "report"); link(row, s.compare, "compare");
    });
    fill("runs", store.runs, function (row, r) {
      cell(row, r.experiment); cell(row, r.run); cell(row, r.status, "status-" + r.status.split(" ")[0]); cell(row, when(r.startedAt));
      cell(row, r.grokkedAt, "num"); cell(row, r.testAccuracy == null ? null : (100 * r.testAccuracy).toFixed(1) + "%", "num");
      link(row, r.report, "report");
    });
    store.runs.filter(function (r) { return r.live; }).forEach(function (r) { ensureChart(r.experiment, r.run); });
  }

  function addPoints(points) {
    var id = ensureChart(points.experiment, points.run);
    if (points.restarted) Plotly.restyle(id, { x: [[], []], y: [[], []] });
    Plotly.extendTraces(id, { x: [points.trainSteps, points.testSteps], y: [points.train, points.test] }, [0, 1]);
  }

  if (typeof Plotly === "undefined") {
    connection.textContent = "plotly.min.js did not load: charts are off";
    return;
  }
  var events = new EventSource("/events");
  events.addEventListener("store", function (e) { showStore(JSON.parse(e.data)); });
  events.addEventListener("points", function (e) { addPoints(JSON.parse(e.data)); });
  events.onopen = function () { connection.textContent = "live"; };
  events.onerror = function () { connection.textContent = "disconnected, reconnecting…"; };
})();
