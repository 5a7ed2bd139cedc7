(function () {
  "use strict";
  function activate(n, scroll) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var mark = document.querySelector('.visit[data-visit="' + n + '"]');
    var det = document.getElementById("visit-" + n);
    if (mark) mark.classList.add("active");
    if (det) {
      det.open = true;
      det.classList.add("active");
      if (scroll) det.scrollIntoView({block: "center"});
    }
  }
  document.querySelectorAll(".visit").forEach(function (el) {
    el.addEventListener("click", function (ev) {
      ev.preventDefault();
      var n = el.getAttribute("data-visit");
      activate(n, true);
      if (history.replaceState) history.replaceState(null, "", "#visit-" + n);
    });
  });
  document.querySelectorAll("details.visit-detail").forEach(function (el) {
    el.addEventListener("toggle", function () {
      if (el.open) activate(el.getAttribute("data-visit"), false);
    });
  });
  var filter = document.getElementById("filter");
  if (filter) filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    document.querySelectorAll("details.visit-detail").forEach(function (el) {
      var hit = !q || el.textContent.toLowerCase().indexOf(q) >= 0;
      el.style.display = hit ? "" : "none";
      var mark = document.querySelector('.visit[data-visit="' + el.getAttribute("data-visit") + '"]');
      if (mark) mark.style.opacity = hit ? "1" : "0.15";
    });
  });

  // ---------------------------------------------------------------- zoom and label layout
  var svg = document.getElementById("timeline"), chart = document.getElementById("chart");
  if (svg && chart) {
    var ds = svg.dataset, NS = "http://www.w3.org/2000/svg";
    var D0 = Date.parse(ds.d0 + "T00:00:00Z"), DAYS = +ds.days, BASE = +ds.perDay;
    var LW = +ds.labelW, MR = +ds.marginR, MINP = +ds.minPlot, R = +ds.dotR, AXIS = +ds.axisH;
    var ROWS = +ds.labelRows, ROW_H = +ds.labelRowH, GAP = +ds.labelGap;
    var MAX_PER_DAY = 400, perDay = BASE;
    var marks = Array.prototype.slice.call(svg.querySelectorAll(".visit"));
    var height = +svg.getAttribute("height");

    var X = function (day) { return LW + day * perDay; };
    var iso = function (day) { return new Date(D0 + day * 86400000).toISOString().slice(0, 10); };
    var dayOf = function (y, m) { return Math.round((Date.UTC(y, m - 1, 1) - D0) / 86400000); };

    // tick days and labels, at least ~64 px apart (kb/html_chart.py ticks())
    var ticks = function () {
      var minDays = 64 / perDay, out = [], d;
      if (minDays <= 14) {
        var step = [1, 2, 7, 14].filter(function (s) { return s >= minDays; })[0];
        for (d = 1; d <= DAYS; d += step) {
          var s = iso(d), prev = out.length ? out[out.length - 1][1] : null;
          out.push([d, prev && iso(out[out.length - 1][0]).slice(0, 4) === s.slice(0, 4) ? s.slice(5) : s]);
        }
        return out;
      }
      var months = [1, 2, 3, 6, 12, 24, 60].filter(function (m) { return m * 30.4 >= minDays; })[0] || 120;
      var y = +ds.d0.slice(0, 4), m = +ds.d0.slice(5, 7);
      for (;;) {
        m += 1;
        if (m > 12) { y += 1; m = 1; }
        if ((y * 12 + m - 1) % months) continue;
        d = dayOf(y, m);
        if (d > DAYS) break;
        out.push([d, months >= 12 ? String(y) : y + "-" + (m < 10 ? "0" : "") + m]);
      }
      return out;
    };

    var drawAxis = function () {
      var axis = document.getElementById("axis");
      while (axis.firstChild) axis.removeChild(axis.firstChild);
      ticks().forEach(function (t) {
        var line = document.createElementNS(NS, "line"), text = document.createElementNS(NS, "text");
        line.setAttribute("x1", X(t[0])); line.setAttribute("x2", X(t[0]));
        line.setAttribute("y1", AXIS - 6); line.setAttribute("y2", +ds.plotBottom);
        text.setAttribute("x", X(t[0]) + 3); text.setAttribute("y", AXIS - 12);
        text.textContent = t[1];
        axis.appendChild(line); axis.appendChild(text);
      });
    };

    // labels of one lane in x order, each in the first row where it clears the one before it
    // (kb/html_chart.py label_rows()); no room: hidden
    // widths do not change with the zoom: measured once, all shown, in one layout pass
    var labels = Array.prototype.slice.call(svg.querySelectorAll(".visit-label"));
    labels.forEach(function (t) { t.classList.remove("hidden"); });
    var widths = labels.map(function (t) { return t.getComputedTextLength(); });
    labels.forEach(function (t, k) { t.dataset.w = widths[k]; });
    var markOf = {};
    marks.forEach(function (a) { markOf[a.dataset.visit] = a; });
    var layoutLabels = function () {
      var lanes = {};
      labels.forEach(function (t) {
        var off = markOf[t.dataset.visit] && markOf[t.dataset.visit].classList.contains("type-off");
        t.classList.toggle("type-off", !!off);
        if (off) return;
        t.setAttribute("x", X(+t.dataset.x0) - R);
        (lanes[t.dataset.lane] = lanes[t.dataset.lane] || []).push(t);
      });
      Object.keys(lanes).forEach(function (k) {
        var ends = [], r;
        for (r = 0; r < ROWS; r++) ends.push(-Infinity);
        lanes[k].sort(function (a, b) { return a.getAttribute("x") - b.getAttribute("x"); });
        lanes[k].forEach(function (t) {
          var x = +t.getAttribute("x");
          for (r = 0; r < ROWS && x < ends[r] + GAP; r++);
          t.classList.toggle("hidden", r === ROWS);
          if (r === ROWS) return;
          ends[r] = x + +t.dataset.w;
          t.setAttribute("y", +t.dataset.y0 + r * ROW_H);
        });
      });
    };

    var layout = function () {
      marks.forEach(function (a) {
        var x0 = +a.dataset.x0, x1 = +a.dataset.x1, m = a.querySelector(".mark");
        if (m.tagName.toLowerCase() === "circle") {
          m.setAttribute("cx", X(x0));
        } else {
          m.setAttribute("x", X(x0) - R);
          m.setAttribute("width", Math.max(2 * R, (x1 - x0) * perDay + 2 * R));
        }
      });
      drawAxis();
      layoutLabels();
      var width = LW + Math.max(MINP, DAYS * perDay) + MR;
      labels.forEach(function (t) {                       // room for the last labels, whole
        if (!t.classList.contains("hidden") && !t.classList.contains("type-off"))
          width = Math.max(width, +t.getAttribute("x") + +t.dataset.w + 6);
      });
      width = Math.round(width);
      svg.setAttribute("width", width);
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.querySelectorAll(".lane-bg").forEach(function (r) { r.setAttribute("width", width); });
      svg.dataset.scale = perDay;
    };

    var pinLanes = function () {
      var t = "translate(" + chart.scrollLeft + ",0)";
      svg.querySelectorAll(".lane, .pin").forEach(function (g) { g.setAttribute("transform", t); });
    };

    // zoom by factor f keeping the day under clientX (default: the middle of the visible chart) in place
    var fitPerDay = function () {
      return Math.min(BASE, Math.max(0.02, (chart.clientWidth - LW - MR) / DAYS));
    };
    var zoom = function (f, clientX) {
      var box = chart.getBoundingClientRect();
      var at = clientX === undefined ? box.left + chart.clientWidth / 2 : clientX;
      var px = at - box.left + chart.scrollLeft;            // position in the svg
      var day = (px - LW) / perDay;
      var next = Math.min(MAX_PER_DAY, Math.max(fitPerDay(), perDay * f));
      if (next === perDay) return;
      perDay = next;
      layout();
      chart.scrollLeft = Math.max(0, LW + day * perDay - (at - box.left));
      pinLanes();
    };
    svg.addEventListener("wheel", function (ev) {
      if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) return;   // sideways: scroll
      ev.preventDefault();
      zoom(Math.pow(1.0015, -ev.deltaY * (ev.deltaMode === 1 ? 33 : 1)), ev.clientX);
    }, {passive: false});
    var bind = function (id, f) {
      var b = document.getElementById(id);
      if (b) b.addEventListener("click", f);
    };
    bind("zoom-in", function () { zoom(1.6); });
    bind("zoom-out", function () { zoom(1 / 1.6); });
    bind("zoom-fit", function () { perDay = START; layout(); chart.scrollLeft = 0; pinLanes(); });
    chart.addEventListener("scroll", pinLanes);
    // the legend: a click (or Enter) on a type hides its marks and entries, another shows them again
    var legend = document.getElementById("legend");
    if (legend) legend.querySelectorAll("li").forEach(function (li) {
      li.tabIndex = 0;
      li.setAttribute("role", "button");
      li.setAttribute("aria-pressed", "true");
      var toggle = function () {
        var off = li.classList.toggle("off"), t = li.dataset.type;
        li.setAttribute("aria-pressed", off ? "false" : "true");
        document.querySelectorAll(".visit, details.visit-detail").forEach(function (el) {
          if (el.dataset.type === t) el.classList.toggle("type-off", off);
        });
        layoutLabels();
      };
      li.addEventListener("click", toggle);
      li.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(); }
      });
    });
    var bar = document.getElementById("toolbar");
    if (bar) bar.hidden = false;
    // a chart a little wider than the window is narrowed to fit it (by at most a fifth)
    var START = Math.max(BASE * 0.8, Math.min(BASE, (chart.clientWidth - LW - MR) / DAYS));
    perDay = START;
    layout();
  }

  if (location.hash.indexOf("#visit-") === 0) activate(location.hash.slice(7), true);
})();
