// The scheduler's queues, running calls, limits and pool.
import { json } from "../api.js";
import { h, table, pretty } from "../dom.js";

export default async function scheduler(view) {
  const s = await json("/api/v1/scheduler");
  const byTask = Object.keys({ ...s.queuedByTask, ...s.runningByTask }).sort()
    .map(task => ({ task, queued: s.queuedByTask[task] ?? 0, running: s.runningByTask[task] ?? 0 }));
  view.append(h("h1", {}, "Scheduler"),
    h("p", { "data-testid": "scheduler-summary" }, `Queued ${s.queued} (at most ${s.maxQueueLength}, ${s.maxQueueLengthPerTask} a task); `
      + `running ${s.running} of ${s.maxConcurrent}, ${s.free} free.`),
    h("h2", {}, "Queues"), table(byTask, [["Task", q => q.task], ["Queued", q => q.queued], ["Running", q => q.running]], "queues"),
    h("h2", {}, "Budget"), pretty(s.budget), h("h2", {}, "Pool"), pretty(s.environments));
}
