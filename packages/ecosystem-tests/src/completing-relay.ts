// A relay in front of Prism for the page's unmodified quickstart, which waits for its video.
// Prism is stateless: it always answers a task's status with the `processing` example and
// estimates 45 s, so the quickstart would sleep 45 s and then poll until its 5-minute limit. The
// relay plays a fast server instead: the estimate becomes 0 (spec minimum) and status polls ask
// Prism for its documented `completed` example (`Prefer: example=completed`). Every response still
// comes from Prism, and its spec verdicts are collected.
import { sendJson, startScriptedServer, violationsOf } from "@seedance/testkit";

export async function startCompletingRelay(prismUrl: string) {
  const violations: unknown[] = [];
  const server = await startScriptedServer(async (request, response) => {
    const headers = new Headers({ "content-type": "application/json" });
    for (const name of ["authorization", "x-api-key", "idempotency-key"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    if (request.path.startsWith("/v1/tasks/")) headers.set("prefer", "example=completed");
    const upstream = await fetch(`${prismUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.method === "GET" ? undefined : request.body,
    });
    violations.push(...violationsOf(upstream));
    const body = await upstream.json();
    if (request.path === "/v1/seedance/generate" && body.data) body.data.estimated_wait_time_seconds = 0;
    sendJson(response, upstream.status, body);
  });
  return { ...server, violations };
}
