// Health, budget and the last hour of the coordinator's figures.
import { json, stream } from "../api.js";
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
      const [status, snapshot] = await Promise.all([json("/actuator/health"), json("/api/v1/scheduler")]);
      health.replaceChildren(h("p", {}, "Coordinator ", badge(status.status)),
        h("ul", {}, Object.entries(status.components || {}).map(([name, c]) => h("li", {}, `${name} `, badge(c.status)))));
      const b = snapshot.budget;
      budget.replaceChildren(h("p", {}, `Memory ${b.memoryUsedMb} of ${b.memoryMb} MB`),
        h("p", {}, `CPUs ${b.cpusUsed} of ${b.cpus}`),
        h("p", {}, `Running ${snapshot.running} of ${snapshot.maxConcurrent}, queued ${snapshot.queued}`));
    } catch (error) {
      health.replaceChildren(failure(error));
    }
  }

  // The charts follow the metrics stream: the last hour first, then each new sample as it is taken.
  const abort = new AbortController();
  let samples = [];
  async function follow() {
    while (!abort.signal.aborted) {
      try {
        await stream("/api/v1/metrics?follow=true", (name, data) => {
          const event = JSON.parse(data);
          if (name === "history") samples = event.samples;
          else if (name === "sample") samples = [...samples, event].filter(s => Date.parse(s.at) > Date.parse(event.at) - 3600_000);
          charts.forEach(c => c.update(samples));
        }, abort.signal);
      } catch (error) {
        if (abort.signal.aborted) return;
      }
      await new Promise(resolve => setTimeout(resolve, 5000)); // closed (idle, limit, restart): again in 5 s
    }
  }
  await refresh();
  follow();
  const timer = setInterval(refresh, 5000); // health and budget: every 5 s, no faster
  return () => { clearInterval(timer); abort.abort(); };
}
