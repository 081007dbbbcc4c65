// Chart controls of every report page: a step-axis switch (log or linear) and smoothing (an exponential moving
// average, TensorBoard's: debiased, over the recorded points in order) for every chart against step. The controls
// are drawn into each element marked data-chart-controls; without one, the page keeps its charts as drawn.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-chart-controls]");
  if (boxes.length === 0 || typeof Plotly === "undefined") return;

  function stepCharts() {
    return Array.prototype.filter.call(document.querySelectorAll("div.plot"), function (plot) {
      var axis = plot.layout && plot.layout.xaxis;
      return axis && axis.title && axis.title.text === "step";
    });
  }

  // Bands (filled polygons) and single markers are not series to smooth.
  function smoothable(trace) {
    return trace.mode === "lines" && !trace.fill && Array.isArray(trace.y);
  }

  function ema(values, weight) {
    var last = 0, count = 0;
    return values.map(function (value) {
      if (value === null || typeof value !== "number" || !isFinite(value)) return value;
      last = last * weight + (1 - weight) * value;
      count++;
      return last / (1 - Math.pow(weight, count));
    });
  }

  // The recorded values, kept before the first smoothing replaces what Plotly draws.
  var raw = new Map();
  function smooth(weight) {
    stepCharts().forEach(function (plot) {
      if (!raw.has(plot)) raw.set(plot, plot.data.map(function (trace) { return smoothable(trace) ? trace.y.slice() : null; }));
      var recorded = raw.get(plot);
      var indices = [], ys = [];
      plot.data.forEach(function (trace, i) {
        if (recorded[i] === null) return;
        indices.push(i);
        ys.push(weight > 0 ? ema(recorded[i], weight) : recorded[i].slice());
      });
      if (indices.length > 0) Plotly.restyle(plot, { y: ys }, indices);
    });
  }

  function axis(type) {
    stepCharts().forEach(function (plot) { Plotly.relayout(plot, { "xaxis.type": type, "xaxis.autorange": true }); });
  }

  function control(box, labelText, input) {
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(labelText));
    label.appendChild(input);
    box.appendChild(label);
  }

  var axisSelects = [], sliders = [];
  Array.prototype.forEach.call(boxes, function (box) {
    box.classList.add("controls");
    var select = document.createElement("select");
    select.className = "step-axis";
    [["log", "log"], ["linear", "linear"]].forEach(function (o) {
      var option = document.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      select.appendChild(option);
    });
    var slider = document.createElement("input");
    slider.type = "range";
    slider.className = "smoothing";
    slider.min = "0";
    slider.max = "0.99";
    slider.step = "0.01";
    slider.value = "0";
    var shown = document.createElement("output");
    shown.textContent = "0";
    control(box, "Step axis", select);
    control(box, "Smoothing", slider);
    box.lastChild.appendChild(shown);
    axisSelects.push(select);
    sliders.push({ slider: slider, shown: shown });
  });

  // Every copy of the controls (one per section) moves together: the page has one step axis and one smoothing.
  axisSelects.forEach(function (select) {
    select.addEventListener("change", function () {
      axisSelects.forEach(function (other) { other.value = select.value; });
      axis(select.value);
    });
  });
  sliders.forEach(function (s) {
    s.slider.addEventListener("input", function () {
      sliders.forEach(function (other) { other.slider.value = s.slider.value; other.shown.textContent = s.slider.value; });
      smooth(parseFloat(s.slider.value));
    });
  });
})();
