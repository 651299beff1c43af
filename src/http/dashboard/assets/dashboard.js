// Draws the dashboard's charts with Chart.js (served from the npm package, no CDN) from the page's
// <script type="application/json" id="chart-data"> block: a static file because the pages' CSP allows no
// inline script.
(() => {
  const source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") return;
  const charts = JSON.parse(source.textContent || "{}");
  const BRAND = "#0b6b3a";
  const TARGET = "#e65100";
  const LINE = "#0b5394";
  // Charts render once, fully: no animation to wait for in print, screenshots or slow phones.
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  const config = (chart) => {
    if (chart.type === "bar") {
      const datasets = [
        { type: "bar", label: chart.legend?.[0] ?? "", data: chart.values, backgroundColor: BRAND },
      ];
      if ((chart.targets || []).some((t) => t !== null && t !== undefined)) {
        datasets.push({
          type: "line",
          label: chart.legend?.[1] ?? "",
          data: chart.targets,
          borderColor: TARGET,
          backgroundColor: TARGET,
          showLine: false,
          pointStyle: "line",
          pointRadius: 10,
          pointBorderWidth: 3,
        });
      }
      return {
        data: { labels: chart.labels, datasets },
        // Every commune's name under its bar (tilted when they do not fit), and a bar no wider than a
        // thumb when one commune is shown.
        options: {
          datasets: { bar: { maxBarThickness: 56 } },
          scales: {
            x: { ticks: { autoSkip: false, maxRotation: 60 } },
            y: { beginAtZero: true, ticks: { precision: 0 } },
          },
        },
      };
    }
    return {
      type: "line",
      data: {
        labels: chart.labels,
        datasets: [
          {
            label: chart.legend?.[0] ?? "",
            data: chart.values,
            borderColor: LINE,
            backgroundColor: LINE,
            pointRadius: 2,
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
  };

  for (const target of document.querySelectorAll("[data-chart]")) {
    const chart = charts[target.getAttribute("data-chart")];
    if (!chart) continue;
    const canvas = document.createElement("canvas");
    target.replaceChildren(canvas);
    new Chart(canvas, config(chart));
  }
})();
