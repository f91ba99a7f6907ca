// A loopback server that answers the first request with 429 (Retry-After: 0) and relays the rest
// to Prism, so a runtime shows the SDK's retry with a spec-valid success.
import { type ScriptedServer, sendJson, startScriptedServer } from "@seedance/testkit";

export function startRetryServer(prismUrl: string): Promise<ScriptedServer> {
  return startScriptedServer(async (request, response, index) => {
    if (index === 0) {
      const body = { status: "error", error: { code: "RATE_LIMITED", message: "Too many requests" } };
      return sendJson(response, 429, body, { "retry-after": "0" });
    }
    const upstream = await fetch(`${prismUrl}${request.path}`, {
      method: request.method,
      headers: { "content-type": "application/json", authorization: "Bearer sk-ecosystem" },
      body: request.method === "GET" ? undefined : request.body,
    });
    sendJson(response, upstream.status, await upstream.text());
  });
}
