// Devices: connectivity; one device's last readings and shadow (desired, reported, delta), its
// desired state editable.
import { json, sendJson } from "../api.js";
import { h, table, pretty, when, badge, failure } from "../dom.js";

export default async function devices(view, [name], { can }) {
  return name ? device(view, name, can) : list(view);
}

async function list(view) {
  const page = await json("/api/v1/devices?size=500");
  view.append(h("h1", {}, "Devices"), table(page.items, [
    ["Name", d => h("a", { href: `#/devices/${encodeURIComponent(d.name)}` }, d.name)], ["Profile", d => d.profile],
    ["Connectivity", d => badge(d.connectivity?.status ?? "UNKNOWN")], ["Last seen", d => when(d.connectivity?.lastSeenAt)],
    ["Admin", d => d.adminState], ["Labels", d => (d.labels || []).join(", ")],
  ], "devices"));
}

async function device(view, name, can) {
  const path = `/api/v1/devices/${encodeURIComponent(name)}`;
  const d = await json(path);
  const shadow = h("div", { "data-testid": "shadow" });
  const readings = h("div", { "data-testid": "readings" });
  view.append(h("h1", {}, `Device ${name}`),
    h("p", {}, "Connectivity ", badge(d.connectivity?.status ?? "UNKNOWN"),
      d.connectivity?.lastError ? ` — ${d.connectivity.lastError.message ?? JSON.stringify(d.connectivity.lastError)}` : ""),
    h("p", { class: "muted" }, `Last seen ${when(d.connectivity?.lastSeenAt) || "never"}; profile ${d.profile}`),
    h("h2", {}, "Last readings"), readings, h("h2", {}, "Shadow"), shadow);

  // The newest value of each resource among the last readings kept (the readings history).
  async function showReadings() {
    const page = await json(`${path}/readings?size=100`);
    const newest = new Map();
    for (const r of page.items) if (!newest.has(r.resource)) newest.set(r.resource, r);
    readings.replaceChildren(table([...newest.values()], [
      ["Resource", r => r.resource], ["Value", r => typeof r.value === "object" ? JSON.stringify(r.value) : String(r.value)],
      ["Read at", r => when(r.at)],
    ], "readings-table"));
  }

  async function showShadow() {
    let doc;
    try {
      doc = await json(`${path}/shadow`);
    } catch (error) {
      if (error.status !== 404) throw error;
      doc = { state: {} };
    }
    const state = doc.state || {};
    const editor = h("textarea", { rows: 6, "data-testid": "desired-editor" }, JSON.stringify(state.desired ?? {}, null, 2));
    const message = h("div");
    shadow.replaceChildren(h("div", { class: "row" },
      h("div", {}, h("h2", {}, "Desired"), pretty(state.desired ?? {})),
      h("div", {}, h("h2", {}, "Reported"), h("div", { "data-testid": "reported" }, pretty(state.reported ?? {}))),
      h("div", {}, h("h2", {}, "Delta"), h("div", { "data-testid": "delta" }, pretty(state.delta ?? {})))),
      h("p", { class: "muted" }, `Version ${doc.version ?? "–"}`),
      can("deploy") ? h("form", { onsubmit: async event => {
        event.preventDefault();
        try {
          // The whole desired state as edited: keys left out are removed (null), as the shadow merges.
          const edited = JSON.parse(editor.value);
          const removed = Object.fromEntries(Object.keys(state.desired ?? {}).filter(k => !(k in edited)).map(k => [k, null]));
          await sendJson("PATCH", `${path}/shadow`, { state: { desired: { ...removed, ...edited } }, version: doc.version });
          await showShadow();
        } catch (error) {
          message.replaceChildren(failure(error));
        }
      } }, h("label", {}, "Edit desired (JSON)", editor), h("button", { type: "submit" }, "Save desired"), message) : null);
  }
  await Promise.all([showShadow(), showReadings()]);
  // Read again every 5 s, the shadow not while the user edits the desired state.
  const timer = setInterval(() => {
    showReadings().catch(() => {});
    if (document.activeElement?.dataset?.testid !== "desired-editor") showShadow().catch(() => {});
  }, 5000);
  return () => clearInterval(timer);
}
