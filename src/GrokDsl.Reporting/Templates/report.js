// The script of GrokDsl's report pages (run, sweep, comparison): draws the Plotly figures embedded as JSON, makes tables
// sortable and drives the phase diagram. Every number and label comes from the page's data; this only arranges.
// Text goes into the page through textContent and DOM properties, never innerHTML: the data holds user strings.
(function () {
  "use strict";

  function drawFigures() {
    var blocks = document.querySelectorAll('script[type="application/json"][data-plot]');
    for (var i = 0; i < blocks.length; i++) {
      var figure = JSON.parse(blocks[i].textContent);
      Plotly.newPlot(blocks[i].getAttribute("data-plot"), figure.data, figure.layout, figure.config);
    }
  }

  // Sort keys: numbers for numeric columns, text otherwise; an empty key (unknown) sorts last in both directions.
  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = header.querySelector("button.sort");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = header.classList.contains("num");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort"), y = b.cells[column].getAttribute("data-sort");
          if (x === "" || y === "") return x === y ? 0 : (x === "" ? 1 : -1);
          var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "en", { numeric: true });
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function option(select, value, text) {
    var element = document.createElement("option");
    element.value = String(value);
    element.textContent = text;
    select.appendChild(element);
  }

  // The phase diagram: the reader picks the x and y axes and the quantity; any other axis is fixed at a chosen
  // value. Cells come precomputed (z and label per quantity); censored medians have no colour and say so.
  function phaseDiagram() {
    var block = document.getElementById("phase-diagram-data");
    if (!block) return;
    var data = JSON.parse(block.textContent);
    var xSelect = document.getElementById("phase-diagram-x");
    var ySelect = document.getElementById("phase-diagram-y");
    var metricSelect = document.getElementById("phase-diagram-metric");
    var fixedBox = document.getElementById("phase-diagram-fixed");
    var axes = data.axes;

    axes.forEach(function (axis, i) { option(xSelect, i, axis.key); option(ySelect, i, axis.key); });
    option(ySelect, -1, "(none)");
    data.metrics.forEach(function (metric) { option(metricSelect, metric.id, metric.label); });
    xSelect.value = "0";
    ySelect.value = axes.length > 1 ? "1" : "-1";

    var fixed = {};
    function fixedControls(xi, yi) {
      while (fixedBox.firstChild) fixedBox.removeChild(fixedBox.firstChild);
      axes.forEach(function (axis, i) {
        if (i === xi || i === yi) return;
        if (fixed[i] === undefined) fixed[i] = axis.values[0];
        var label = document.createElement("label");
        label.appendChild(document.createTextNode(axis.key + " fixed at"));
        var select = document.createElement("select");
        axis.values.forEach(function (value) { option(select, value, value); });
        select.value = fixed[i];
        select.addEventListener("change", function () { fixed[i] = select.value; draw(); });
        label.appendChild(select);
        fixedBox.appendChild(label);
      });
    }

    function draw() {
      var xi = parseInt(xSelect.value, 10), yi = parseInt(ySelect.value, 10);
      if (yi === xi) { yi = -1; ySelect.value = "-1"; }
      fixedControls(xi, yi);
      var metric = metricSelect.value;
      var xs = axes[xi].values, ys = yi >= 0 ? axes[yi].values : ["all"];
      var z = ys.map(function () { return xs.map(function () { return null; }); });
      var text = ys.map(function () { return xs.map(function () { return ""; }); });
      var hover = ys.map(function () { return xs.map(function () { return "no runs"; }); });
      data.cells.forEach(function (cell) {
        for (var i = 0; i < axes.length; i++)
          if (i !== xi && i !== yi && cell.values[i] !== fixed[i]) return;
        var col = xs.indexOf(cell.values[xi]), row = yi >= 0 ? ys.indexOf(cell.values[yi]) : 0;
        z[row][col] = cell[metric].z;
        text[row][col] = cell[metric].label;
        hover[row][col] = cell.hover;
      });
      var colorbar = { thickness: 14, title: { text: metricSelect.options[metricSelect.selectedIndex].textContent, side: "right" } };
      if (metric === "grokking") { colorbar.tickvals = data.grokkingTicks.values; colorbar.ticktext = data.grokkingTicks.labels; }
      else { colorbar.tickformat = ".0%"; }
      var trace = {
        type: "heatmap", x: xs, y: ys, z: z, text: text, customdata: hover, texttemplate: "%{text}",
        textfont: { size: 12 }, hovertemplate: "%{customdata}<extra><\/extra>", xgap: 2, ygap: 2,
        colorscale: "Viridis", reversescale: metric === "grokking", colorbar: colorbar,
        zmin: metric === "grokking" ? undefined : 0, zmax: metric === "grokking" ? undefined : 1,
      };
      // Cells with a label but no colour (censored medians) are drawn again on top in a mid grey with dark text:
      // Plotly's automatic text colour on an empty cell is white, unreadable on the light plot background.
      var uncoloured = z.map(function (row, r) {
        return row.map(function (value, c) { return value === null && text[r][c] !== "" ? 0 : null; });
      });
      var censored = {
        type: "heatmap", x: xs, y: ys, z: uncoloured, text: text, customdata: hover, texttemplate: "%{text}",
        textfont: { size: 12, color: "#1f2937" }, hovertemplate: "%{customdata}<extra><\/extra>", xgap: 2, ygap: 2,
        colorscale: [[0, "#c9ced6"], [1, "#c9ced6"]], showscale: false, zmin: 0, zmax: 1,
      };
      var layout = {
        height: Math.max(300, 90 + 56 * ys.length),
        margin: { l: 110, r: 24, t: 16, b: 64 },
        font: { family: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif", size: 12, color: "#1f2937" },
        paper_bgcolor: "rgba(0,0,0,0)",
        // Settings without runs show this light grey; censored cells the darker grey of the second trace.
        plot_bgcolor: "#eef0f3",
        xaxis: { type: "category", title: { text: axes[xi].key }, showgrid: false },
        yaxis: { type: "category", title: { text: yi >= 0 ? axes[yi].key : "" }, showgrid: false, showticklabels: yi >= 0 },
      };
      Plotly.react("phase-diagram", [trace, censored], layout, { responsive: true, displaylogo: false });
    }

    [xSelect, ySelect, metricSelect].forEach(function (select) { select.addEventListener("change", draw); });
    draw();
  }

  if (typeof Plotly === "undefined") {
    document.documentElement.classList.add("no-plotly");
  } else {
    drawFigures();
    phaseDiagram();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
})();
