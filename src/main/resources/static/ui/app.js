// The dashboard: sign in with a key, then one page per hash route. What the key may not do is
// not offered: each page asks can(scope), from GET /api/v1/me.
import { call, session, ApiError } from "./api.js";
import { h, failure } from "./dom.js";
import overview from "./pages/overview.js";
import tasks from "./pages/tasks.js";
import invocations from "./pages/invocations.js";
import environments from "./pages/environments.js";
import scheduler from "./pages/scheduler.js";
import devices from "./pages/devices.js";
import subscriptions from "./pages/subscriptions.js";

const PAGES = { overview, tasks, invocations, environments, scheduler, devices, subscriptions };
const main = document.getElementById("main");
let caller = null;
let leave = null; // what the current page must stop (streams, timers) when another is shown

/** Whether the signed-in key may do what `scope` owns; admin may do everything. */
export function can(scope) {
  return !!caller && (caller.scopes.includes("admin") || caller.scopes.includes(scope));
}

function signInPage(message) {
  const input = h("input", { type: "password", name: "key", size: 60, autocomplete: "off",
    placeholder: "<id>.<secret>", "data-testid": "key" });
  const form = h("form", { "data-testid": "sign-in", onsubmit: async event => {
    event.preventDefault();
    try {
      await who(input.value.trim());
      session.signIn(input.value.trim());
      location.hash = "#/overview";
      route();
    } catch (error) {
      form.replaceWith(signInPage(error instanceof ApiError && error.status === 401
        ? "That key is not valid." : error.message));
    }
  } },
  h("h1", {}, "Sign in"),
  h("p", { class: "muted" }, "With an API key (POST /api/v1/keys makes one). It is kept in this tab only."),
  h("label", {}, "API key ", input), h("button", { type: "submit" }, "Sign in"),
  message ? h("p", { class: "error", role: "alert" }, message) : null);
  return form;
}

async function who(key) {
  const response = await call("/api/v1/me", {}, key);
  return response.json();
}

function header() {
  document.getElementById("nav").hidden = !caller;
  const who = document.getElementById("who");
  who.replaceChildren();
  if (caller) {
    who.append(h("span", { "data-testid": "caller" }, `${caller.name} (${caller.scopes.join(", ")})`),
      h("button", { class: "secondary", "data-testid": "sign-out", onclick: () => {
        session.signOut();
        caller = null;
        route();
      } }, "Sign out"));
  }
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", location.hash.startsWith(link.getAttribute("href")));
  }
}

async function route() {
  if (leave) { leave(); leave = null; }
  if (!session.key()) {
    caller = null;
    header();
    main.replaceChildren(signInPage());
    return;
  }
  try {
    caller = caller || await who(session.key());
  } catch (error) {
    session.signOut();
    caller = null;
    header();
    main.replaceChildren(signInPage(error.status === 401 ? "The key is no longer valid." : error.message));
    return;
  }
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = (path || "overview").split("/");
  const page = PAGES[name] || overview;
  header();
  const view = h("section", { "data-page": name });
  main.replaceChildren(view);
  try {
    leave = await page(view, rest.map(decodeURIComponent), { can, query: new URLSearchParams(query || "") });
  } catch (error) {
    view.append(failure(error));
  }
}

addEventListener("hashchange", route);
route();
