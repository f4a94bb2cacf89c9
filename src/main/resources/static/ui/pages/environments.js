// The live execution environments; an admin may drain one.
import { call, json } from "../api.js";
import { h, table, when, badge, failure } from "../dom.js";

export default async function environments(view, _, { can }) {
  const { items } = await json("/api/v1/environments");
  const message = h("div");
  view.append(h("h1", {}, "Environments"), message, table(items, [
    ["Id", e => e.id], ["Task", e => `${e.task} v${e.version}`], ["Runtime", e => e.runtime],
    ["State", e => badge(e.state)], ["Isolation", e => e.isolation], ["Age", e => `${Math.round(e.ageMs / 1000)} s`],
    ["Memory", e => `${e.memoryMb} MB`], ["Last used", e => when(e.lastUsedAt)],
    ["", e => can("admin") ? h("button", { class: "secondary", onclick: async () => {
      try {
        const response = await call(`/api/v1/environments/${e.id}`, { method: "DELETE" });
        message.replaceChildren(h("p", {}, response.status === 202 ? `${e.id} goes once its call ends.` : `${e.id} removed.`));
      } catch (error) {
        message.replaceChildren(failure(error));
      }
    } }, "Drain") : ""],
  ], "environments"));
}
