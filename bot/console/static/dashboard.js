/* Draws the dashboard's charts with Chart.js from the figures the page embeds as JSON (the
   tables under each chart hold the same numbers, for screen readers and without JavaScript). */
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const colours = ["#0b5394", "#c65f00", "#2e7d32", "#8e24aa", "#a00000"];
  const opts = (yTitle, max) => ({ responsive: true, maintainAspectRatio: false, animation: false,
    scales: { y: { beginAtZero: true, max: max, title: { display: true, text: yTitle } } } });
  const line = (labels, series) => ({ labels: labels, datasets: series.map(([label, values], i) =>
    ({ label: label, data: values, borderColor: colours[i], backgroundColor: colours[i], spanGaps: true })) });
  new Chart(document.getElementById("chart-funnel"), { type: "bar",
    data: { labels: data.funnel.labels, datasets: [{ label: "Conversations", data: data.funnel.values, backgroundColor: colours[0] }] },
    options: opts("conversations") });
  new Chart(document.getElementById("chart-days"), { type: "line",
    data: line(data.days.labels, [["Conversations", data.days.conversations], ["Shopper messages", data.days.messages]]),
    options: opts("count") });
  new Chart(document.getElementById("chart-rates"), { type: "line",
    data: line(data.rates.labels, [["Containment %", data.rates.containment], ["Handoff %", data.rates.handoff_rate],
      ["Fallback %", data.rates.fallback_rate], ["Don't know %", data.rates.dont_know_rate]]),
    options: opts("% of conversations", 100) });
  new Chart(document.getElementById("chart-responses"), { type: "line",
    data: line(data.responses.labels, [["p50", data.responses.p50], ["p95", data.responses.p95]]),
    options: opts("seconds") });
})();
