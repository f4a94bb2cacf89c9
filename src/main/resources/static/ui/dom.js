// A few helpers to build the pages without a framework.

/** h("div", {class: "x", onclick: f}, child, "text", …) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A table of rows; columns are [heading, row => cell]. */
export function table(rows, columns, testid) {
  if (!rows.length) return h("p", { class: "empty", "data-testid": testid }, "None.");
  return h("table", { "data-testid": testid },
    h("thead", {}, h("tr", {}, columns.map(([heading]) => h("th", {}, heading)))),
    h("tbody", {}, rows.map(row => h("tr", {}, columns.map(([, cell]) => h("td", {}, cell(row)))))));
}

export function pretty(value) {
  return h("pre", { class: "json" }, JSON.stringify(value, null, 2));
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : "";
}

export function badge(text) {
  return h("span", { class: `badge ${String(text).toLowerCase()}` }, text);
}

/** An error shown where the page is. */
export function failure(error) {
  return h("p", { class: "error", role: "alert" }, `${error.status ? error.status + ": " : ""}${error.message}`);
}
