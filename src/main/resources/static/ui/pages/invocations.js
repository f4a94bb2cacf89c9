// Invocations: filter by task, status and time, older pages by the list's cursor; one invocation's
// record and its log, followed live while it runs.
import { json, call, stream } from "../api.js";
import { h, table, pretty, when, badge, failure } from "../dom.js";

const WINDOWS = [["", "any time"], ["15", "last 15 minutes"], ["60", "last hour"], ["1440", "last day"], ["10080", "last week"]];
const STATUSES = ["", "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "DEAD_LETTERED", "CANCELLED", "EXPIRED"];

export default async function invocations(view, [id], { can, query }) {
  return id ? invocation(view, id, can) : list(view, query);
}

async function list(view, query) {
  const task = query.get("task") || "", status = query.get("status") || "", window = query.get("window") || "";
  const cursor = query.get("cursor") || "";
  const params = new URLSearchParams({ size: "50" });
  if (task) params.set("task", task);
  if (status) params.set("status", status);
  if (window) params.set("since", new Date(Date.now() - Number(window) * 60_000).toISOString());
  if (cursor) params.set("cursor", cursor);
  const page = await json(`/api/v1/invocations?${params}`);
  const taskInput = h("input", { name: "task", value: task, placeholder: "task" });
  const statusSelect = h("select", { name: "status" }, STATUSES.map(s => h("option", { value: s, selected: s === status }, s || "any status")));
  const windowSelect = h("select", { name: "window" }, WINDOWS.map(([v, label]) => h("option", { value: v, selected: v === window }, label)));
  const filters = (more = {}) => {
    const next = new URLSearchParams();
    if (taskInput.value) next.set("task", taskInput.value);
    if (statusSelect.value) next.set("status", statusSelect.value);
    if (windowSelect.value) next.set("window", windowSelect.value);
    for (const [k, v] of Object.entries(more)) next.set(k, v);
    return `#/invocations?${next}`;
  };
  view.append(h("h1", {}, "Invocations"),
    h("form", { class: "row", onsubmit: event => {
      event.preventDefault();
      location.hash = filters();
    } }, taskInput, statusSelect, windowSelect, h("button", { type: "submit" }, "Filter")),
    h("p", { class: "muted" }, cursor ? `${page.totalItems} from here on, newest first` : `${page.totalItems} in all, newest first`),
    table(page.items, [
      ["Id", i => h("a", { href: `#/invocations/${i.id}` }, i.id)], ["Task", i => `${i.task} v${i.version}`],
      ["Status", i => badge(i.status)], ["Mode", i => i.mode], ["Start", i => i.start ?? ""],
      ["Duration", i => i.durationMs == null ? "" : `${i.durationMs} ms`], ["Accepted", i => when(i.acceptedAt)],
    ], "invocations"),
    h("p", { class: "row" }, cursor ? h("a", { href: filters() }, "Newest") : null,
      page.nextCursor ? h("a", { href: filters({ cursor: page.nextCursor }), "data-testid": "older" }, "Older") : null));
}

async function invocation(view, id, can) {
  const record = h("div", { "data-testid": "record" });
  const log = h("pre", { "data-testid": "log" }, "");
  const state = h("p", { class: "muted", "data-testid": "log-state" });
  const actions = h("div");
  view.append(h("h1", {}, `Invocation ${id}`), actions, record, h("h2", {}, "Log"), state, log);

  async function show() {
    const r = await json(`/api/v1/invocations/${id}`);
    record.replaceChildren(h("p", {}, badge(r.status), ` ${r.task} version ${r.version}, ${r.mode}`,
      r.durationMs == null ? "" : `, ${r.durationMs} ms`), pretty(r));
    actions.replaceChildren(can("invoke") && ["QUEUED", "RUNNING"].includes(r.status)
      ? h("button", { class: "secondary", onclick: async () => {
        try { await call(`/api/v1/invocations/${id}`, { method: "DELETE" }); await show(); }
        catch (error) { actions.append(failure(error)); }
      } }, "Cancel") : null);
    return r;
  }

  // While it runs, the log follows the server's event stream; once it ends, the record is read again.
  const abort = new AbortController();
  async function follow(r) {
    while (!abort.signal.aborted && !r.finishedAt) {
      state.textContent = "Running: the log follows live.";
      let ended = false;
      try {
        let text = "";
        await stream(`/api/v1/invocations/${id}/logs?follow=true`, (name, data) => {
          const event = JSON.parse(data);
          if (name === "output") { text += event.text; log.textContent = text; }
          if (name === "end") ended = true;
        }, abort.signal);
      } catch (error) {
        if (abort.signal.aborted) return;
      }
      if (!ended) await new Promise(resolve => setTimeout(resolve, 1000));
      r = await show();
    }
    if (!abort.signal.aborted) {
      log.textContent = await (await call(`/api/v1/invocations/${id}/logs`)).text();
      state.textContent = "Ended.";
    }
  }
  follow(await show()).catch(error => view.append(failure(error)));
  return () => abort.abort();
}
