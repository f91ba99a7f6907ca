// Spec-shaped bodies for the scripted servers (the spec's own examples, trimmed).
import { type Script, type ScriptedServer, startScriptedServer } from "@seedance/testkit";
import { afterEach } from "vitest";
import { type ClientOptions, SeedanceClient } from "../../src/index.js";
import { transportOptions } from "../transports.js";

export const imageOk = {
  status: "success",
  data: { task_id: "task-1", images: [{ id: "img-1", url: "https://cdn.example/img-1.png" }], model: "seedream-4.5" },
};

export const videoAccepted = (estimate = 0) => ({
  status: "accepted",
  data: {
    task_id: "task-1",
    status: "queued",
    estimated_wait_time_seconds: estimate,
    check_status_url: "/v1/tasks/task-1",
  },
});

export const taskStatus = (status: string, progress: number, extra: Record<string, unknown> = {}) => ({
  status: "success",
  data: {
    task_id: "task-1",
    status,
    progress,
    created_at: "2024-01-15T10:30:00Z",
    updated_at: "2024-01-15T10:32:15Z",
    ...extra,
  },
});

export const errorBody = (code: string, message = "scripted") => ({ status: "error", error: { code, message } });

export const imageParams = { prompt: "a fox", model: "seedream-4.5" } as const;
export const videoParams = { prompt: "a fox", model: "seedance-2.0", duration: 5 } as const;

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

/** A client over the transport of the suite running now (see `overEachTransport`). */
export const newClient = (options: ClientOptions) => new SeedanceClient({ ...transportOptions(), ...options });

/** A scripted server, stopped after the test, and a client pointed at it. */
export async function scripted(script: Script, options: ClientOptions = {}) {
  const server = await startScriptedServer(script);
  servers.push(server);
  const client = newClient({ apiKey: "sk-test-behaviour", baseUrl: server.url, ...options });
  return { server, client };
}
