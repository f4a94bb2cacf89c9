// A small SVG line chart: one series over the last hour, scaled to its own maximum.
const NS = "http://www.w3.org/2000/svg";
const WIDTH = 320, HEIGHT = 90, HOUR = 3600_000;

function svg(tag, attributes) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** A chart for samples[field]; update(samples) redraws it. */
export function lineChart(title, field, format) {
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.dataset.testid = `chart-${field}`;
  const caption = document.createElement("figcaption");
  const plot = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": title });
  figure.append(caption, plot);

  function update(samples) {
    const now = samples.length ? Date.parse(samples[samples.length - 1].at) : Date.now();
    const points = samples.filter(s => s[field] !== null && s[field] !== undefined)
      .map(s => [Date.parse(s.at), s[field]]);
    const max = Math.max(1e-9, ...points.map(([, v]) => v));
    const x = t => WIDTH - ((now - t) / HOUR) * WIDTH;
    const y = v => HEIGHT - 4 - (v / max) * (HEIGHT - 12);
    plot.replaceChildren(svg("line", { x1: 0, y1: HEIGHT - 4, x2: WIDTH, y2: HEIGHT - 4, class: "axis" }));
    if (points.length) {
      plot.append(svg("polyline", { class: "series",
        points: points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(" ") }));
    }
    const last = points.length ? points[points.length - 1][1] : null;
    caption.textContent = `${title}: ${last === null ? "–" : format(last)} (max ${points.length ? format(max) : "–"})`;
  }
  update([]);
  return { element: figure, update };
}
