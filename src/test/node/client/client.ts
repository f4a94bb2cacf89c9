// A client generated from the served /v3/api-docs (gen/schema.d.ts, by openapi-typescript), as a
// user would write one: the operations are named by their operationId, so a renamed or merged
// operation breaks compilation here. Prints one JSON line for the JUnit test to check.
import createClient from "openapi-fetch";
import type { operations, paths } from "./gen/schema.js";

type DeployBody = operations["deployTask"]["requestBody"] extends { content: { "application/json": infer B } }
  ? B : never;
type Record = operations["getInvocation"]["responses"][200]["content"]["application/json"];

declare const process: { argv: string[] }; // Node's own, without @types/node
const [baseUrl, key, task] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${key}` } });

const task_: DeployBody = {
  name: task,
  runtime: "python3.11",
  handler: "m.f",
  code: { inline: "def f(event, context):\n    return {'hello': event['name']}\n" },
};
const deployed = await client.POST("/api/v1/tasks", { body: task_ });
if (deployed.response.status !== 201) throw new Error(`deployTask answered ${deployed.response.status}`);

const invoked = await client.POST("/api/v1/tasks/{name}/invoke", {
  params: { path: { name: task } },
  body: { name: "generated" },
});
const invocationId = invoked.response.headers.get("Edgecoord-Invocation-Id");
if (invoked.response.status !== 200 || !invocationId) throw new Error(`invokeTask answered ${invoked.response.status}`);

const read = await client.GET("/api/v1/invocations/{id}", { params: { path: { id: invocationId } } });
const record: Record | undefined = read.data;
console.log(JSON.stringify({ deployedVersion: deployed.data?.latestVersion, result: invoked.data, record }));
