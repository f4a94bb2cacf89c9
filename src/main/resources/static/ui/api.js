// The coordinator's API as the pages use it. The key lives in this tab's sessionStorage only:
// "edgecoord.key" for the pages, "edgecoord.authorization" ("Bearer <key>") for Swagger UI.
const KEY = "edgecoord.key";
const AUTHORIZATION = "edgecoord.authorization";

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn(key) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(AUTHORIZATION, `Bearer ${key}`);
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(AUTHORIZATION);
  },
};

/** An answer that was not 2xx, with the problem the coordinator sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** fetch with the key; throws ApiError unless 2xx. */
export async function call(path, options = {}, key = session.key()) {
  const headers = new Headers(options.headers || {});
  headers.set("Authorization", `Bearer ${key}`);
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function json(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

export function sendJson(method, path, body, headers = {}) {
  return call(path, { method, headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body) });
}

/**
 * Reads a server-sent event stream with fetch (EventSource cannot send the Authorization header).
 * Calls onEvent(name, data) per event; resolves when the stream ends; abort with signal.
 */
export async function stream(path, onEvent, signal) {
  const response = await call(path, { headers: { Accept: "text/event-stream" }, signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent(name, data.join("\n"));
    }
  }
}
