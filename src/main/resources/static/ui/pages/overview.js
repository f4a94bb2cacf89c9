// Health, budget and the last hour of the coordinator's figures.
import { json } from "../api.js";
import { h, badge, failure } from "../dom.js";
import { lineChart } from "../chart.js";

const CHARTS = [
  ["Invocations/s", "invocationsPerSecond", v => v.toFixed(2)],
  ["Error rate", "errorRate", v => `${(v * 100).toFixed(1)} %`],
  ["p50", "p50Ms", v => `${v} ms`],
  ["p99", "p99Ms", v => `${v} ms`],
  ["Cold starts", "coldStarts", v => v.toFixed(0)],
  ["Queue depth", "queueDepth", v => v.toFixed(0)],
];

export default async function overview(view) {
  const charts = CHARTS.map(([title, field, format]) => lineChart(title, field, format));
  const health = h("div", { "data-testid": "health" }, "…");
  const budget = h("div", { "data-testid": "budget" }, "…");
  view.append(h("h1", {}, "Overview"), h("div", { class: "row" },
    h("div", { class: "card" }, h("h2", {}, "Health"), health),
    h("div", { class: "card" }, h("h2", {}, "Budget"), budget)),
    h("h2", {}, "Last hour"), h("div", { class: "grid" }, charts.map(c => c.element)));

  async function refresh() {
    try {
      const [status, snapshot, metrics] = await Promise.all([
        json("/actuator/health"), json("/api/v1/scheduler"), json("/api/v1/metrics")]);
      health.replaceChildren(h("p", {}, "Coordinator ", badge(status.status)),
        h("ul", {}, Object.entries(status.components || {}).map(([name, c]) => h("li", {}, `${name} `, badge(c.status)))));
      const b = snapshot.budget;
      budget.replaceChildren(h("p", {}, `Memory ${b.memoryUsedMb} of ${b.memoryMb} MB`),
        h("p", {}, `CPUs ${b.cpusUsed} of ${b.cpus}`),
        h("p", {}, `Running ${snapshot.running} of ${snapshot.maxConcurrent}, queued ${snapshot.queued}`));
      charts.forEach(c => c.update(metrics.samples));
    } catch (error) {
      health.replaceChildren(failure(error));
    }
  }
  await refresh();
  const timer = setInterval(refresh, 5000); // the samples come every 5 s; no faster
  return () => clearInterval(timer);
}
