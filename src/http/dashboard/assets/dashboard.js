// Draws the dashboard's charts as SVG from the page's <script type="application/json" id="chart-data">
// block. A static file because the pages' CSP allows no inline script; no library, so nothing from a CDN.
(() => {
  const source = document.getElementById("chart-data");
  if (!source) return;
  const charts = JSON.parse(source.textContent || "{}");
  const NS = "http://www.w3.org/2000/svg";
  const W = 600;
  const H = 260;
  const PAD = { left: 40, right: 50, top: 24, bottom: 100 };

  const el = (name, attrs, text) => {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const axes = (svg, max) => {
    const plotH = H - PAD.top - PAD.bottom;
    for (let i = 0; i <= 4; i++) {
      const y = PAD.top + plotH - (plotH * i) / 4;
      svg.appendChild(el("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, stroke: "#ddd" }));
      svg.appendChild(
        el(
          "text",
          { x: PAD.left - 4, y: y + 4, "text-anchor": "end", "font-size": 10 },
          String(Math.round((max * i) / 4)),
        ),
      );
    }
  };

  const label = (svg, x, text) => {
    svg.appendChild(
      el(
        "text",
        { x, y: H - PAD.bottom + 12, "font-size": 10, transform: `rotate(45 ${x} ${H - PAD.bottom + 12})` },
        text,
      ),
    );
  };

  const draw = (target, chart) => {
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", height: "100%", role: "img" });
    const n = chart.labels.length || 1;
    const values = chart.values;
    const targets = chart.targets || [];
    // Whole-number gridlines: round the top up to a multiple of 4 (four gridline steps).
    const max = Math.ceil(Math.max(1, ...values, ...targets.filter((t) => t !== null)) / 4) * 4;
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const y = (v) => PAD.top + plotH - (plotH * v) / max;
    axes(svg, max);
    const step = plotW / n;
    if (chart.type === "bar") {
      chart.labels.forEach((name, i) => {
        const x = PAD.left + i * step;
        const bar = el("rect", {
          x: x + step * 0.15,
          y: y(values[i]),
          width: step * 0.7,
          height: PAD.top + plotH - y(values[i]),
          fill: "#0b6b3a",
        });
        bar.appendChild(el("title", {}, `${name}: ${values[i]}`));
        svg.appendChild(bar);
        const t = targets[i];
        if (t !== null && t !== undefined) {
          svg.appendChild(
            el("line", {
              x1: x + step * 0.05,
              x2: x + step * 0.95,
              y1: y(t),
              y2: y(t),
              stroke: "#e65100",
              "stroke-width": 2,
            }),
          );
        }
        label(svg, x + step / 2, name);
      });
      if (chart.legend) {
        svg.appendChild(el("rect", { x: PAD.left, y: 4, width: 10, height: 10, fill: "#0b6b3a" }));
        svg.appendChild(el("text", { x: PAD.left + 14, y: 13, "font-size": 11 }, chart.legend[0]));
        svg.appendChild(
          el("line", {
            x1: PAD.left + 140,
            x2: PAD.left + 155,
            y1: 9,
            y2: 9,
            stroke: "#e65100",
            "stroke-width": 2,
          }),
        );
        svg.appendChild(el("text", { x: PAD.left + 160, y: 13, "font-size": 11 }, chart.legend[1]));
      }
    } else {
      const points = values.map((v, i) => `${PAD.left + i * step + step / 2},${y(v)}`).join(" ");
      svg.appendChild(el("polyline", { points, fill: "none", stroke: "#0b5394", "stroke-width": 2 }));
      values.forEach((v, i) => {
        const dot = el("circle", { cx: PAD.left + i * step + step / 2, cy: y(v), r: 2.5, fill: "#0b5394" });
        dot.appendChild(el("title", {}, `${chart.labels[i]}: ${v}`));
        svg.appendChild(dot);
        if (i % 5 === 0) label(svg, PAD.left + i * step + step / 2, chart.labels[i]);
      });
    }
    target.replaceChildren(svg);
  };

  for (const target of document.querySelectorAll("[data-chart]")) {
    const chart = charts[target.getAttribute("data-chart")];
    if (chart) draw(target, chart);
  }
})();
