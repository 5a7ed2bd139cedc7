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
  if (location.hash.indexOf("#visit-") === 0) activate(location.hash.slice(7), true);
})();
