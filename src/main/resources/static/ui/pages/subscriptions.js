// Subscriptions: which events go where.
import { json } from "../api.js";
import { h, table, when } from "../dom.js";

export default async function subscriptions(view) {
  const page = await json("/api/v1/subscriptions?size=200");
  view.append(h("h1", {}, "Subscriptions"), table(page.items, [
    ["Id", s => s.id], ["Source", s => s.source], ["Subject", s => s.subject ?? ""], ["Target", s => s.target],
    ["Schedule", s => s.schedule ?? ""], ["Created", s => when(s.createdAt)],
  ], "subscriptions"));
}
