// Tasks: the list; one task's versions and settings; deploy a zip; invoke with JSON.
import { call, json, sendJson } from "../api.js";
import { h, table, pretty, when, failure } from "../dom.js";

export default async function tasks(view, [name], { can }) {
  return name ? task(view, name, can) : list(view, can);
}

async function list(view, can) {
  const page = await json("/api/v1/tasks?size=100");
  view.append(h("h1", {}, "Tasks"),
    table(page.items, [
      ["Name", t => h("a", { href: `#/tasks/${encodeURIComponent(t.name)}` }, t.name)],
      ["Latest", t => t.latestVersion], ["Runtime", t => t.version.runtime],
      ["Handler", t => t.version.handler], ["Updated", t => when(t.updatedAt)],
    ], "tasks"),
    can("deploy") ? deployForm() : null);
}

/** Deploys a new version from a zip: multipart, a `task` JSON part and a `code` part. */
function deployForm(defaults = {}) {
  const field = (label, name, value, extra = {}) =>
    h("label", {}, `${label} `, h("input", { name, value: value ?? "", ...extra }));
  const result = h("div");
  const form = h("form", { "data-testid": "deploy", onsubmit: async event => {
    event.preventDefault();
    const data = new FormData(form);
    const definition = { name: data.get("name"), runtime: data.get("runtime"), handler: data.get("handler") };
    if (data.get("memoryMb")) definition.memoryMb = Number(data.get("memoryMb"));
    if (data.get("timeoutSeconds")) definition.timeoutSeconds = Number(data.get("timeoutSeconds"));
    const body = new FormData();
    body.append("task", new Blob([JSON.stringify(definition)], { type: "application/json" }));
    body.append("code", data.get("code"));
    try {
      const response = await call("/api/v1/tasks", { method: "POST", body });
      const deployed = await response.json();
      result.replaceChildren(h("p", { "data-testid": "deployed" },
        `${response.status === 201 ? "Deployed" : "Unchanged:"} ${deployed.name} version ${deployed.latestVersion} `,
        h("a", { href: `#/tasks/${encodeURIComponent(deployed.name)}` }, "open")));
    } catch (error) {
      result.replaceChildren(failure(error));
    }
  } },
  h("h2", {}, "Deploy a version"),
  field("Name", "name", defaults.name, { required: true, pattern: "[A-Za-z0-9_\\-]+" }),
  h("label", {}, "Runtime ", h("select", { name: "runtime" },
    ["python3.11", "java17", "nodejs18.x", "provided"].map(r => h("option", { selected: r === defaults.runtime }, r)))),
  field("Handler", "handler", defaults.handler ?? "handler.handle", { required: true }),
  field("Memory (MB)", "memoryMb", defaults.memoryMb, { type: "number", min: 128 }),
  field("Timeout (s)", "timeoutSeconds", defaults.timeoutSeconds, { type: "number", min: 1 }),
  h("label", {}, "Code (zip) ", h("input", { type: "file", name: "code", accept: ".zip,.jar", required: true })),
  h("button", { type: "submit", "data-testid": "deploy-button" }, "Deploy"), result);
  return form;
}

async function task(view, name, can) {
  const [current, versions] = await Promise.all([
    json(`/api/v1/tasks/${encodeURIComponent(name)}`),
    json(`/api/v1/tasks/${encodeURIComponent(name)}/versions?page=0&size=500`)]);
  const v = current.version;
  view.append(h("h1", {}, `Task ${name}`),
    h("p", {}, h("a", { href: `#/invocations?task=${encodeURIComponent(name)}` }, "Its invocations")),
    can("invoke") ? invokeForm(name) : null,
    h("h2", {}, "Settings (latest version)"), pretty(v),
    h("h2", {}, "Versions"),
    table(versions.items, [
      ["Version", x => x.version], ["Runtime", x => x.runtime], ["Handler", x => x.handler],
      ["Memory", x => `${x.memoryMb} MB`], ["Timeout", x => `${x.timeoutSeconds} s`],
      ["Code", x => `${(x.codeSha256 || "").slice(0, 12)} (${x.codeSize} B)`], ["Created", x => when(x.createdAt)],
    ], "versions"),
    can("deploy") ? deployForm({ name, runtime: v.runtime, handler: v.handler, memoryMb: v.memoryMb,
      timeoutSeconds: v.timeoutSeconds }) : null);
}

/** Invokes with a JSON payload and shows the result (or, asynchronously, a link to the record). */
function invokeForm(name) {
  const payload = h("textarea", { name: "payload", rows: 4, "data-testid": "payload" }, "{}");
  const async = h("input", { type: "checkbox", name: "async" });
  const result = h("div", { "data-testid": "invoke-result" });
  return h("form", { "data-testid": "invoke", onsubmit: async event => {
    event.preventDefault();
    let body;
    try {
      body = JSON.parse(payload.value || "null");
    } catch (error) {
      result.replaceChildren(failure(new Error(`Not JSON: ${error.message}`)));
      return;
    }
    result.replaceChildren(h("p", { class: "muted" }, "Running…"));
    try {
      const response = await sendJson("POST", `/api/v1/tasks/${encodeURIComponent(name)}/invoke`, body,
        async.checked ? { Prefer: "respond-async" } : {});
      const id = response.headers.get("Edgecoord-Invocation-Id");
      const text = await response.text();
      result.replaceChildren(
        h("p", {}, `${response.status} `, id ? h("a", { href: `#/invocations/${id}`, "data-testid": "invocation-link" },
          `invocation ${id}`) : null),
        h("pre", { class: "json", "data-testid": "result" }, text));
    } catch (error) {
      result.replaceChildren(failure(error), error.problem ? pretty(error.problem) : null);
    }
  } },
  h("h2", {}, "Invoke"), h("label", {}, "Payload (JSON)", payload),
  h("label", {}, async, " asynchronously (follow its record and log)"),
  h("button", { type: "submit", "data-testid": "invoke-button" }, "Invoke"), result);
}
