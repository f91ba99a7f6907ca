import { afterEach, expect, it, vi } from "vitest";
import { SeedanceClient } from "../src/index.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

it("new SeedanceClient() reads SEEDANCE_API_KEY and SEEDANCE_BASE_URL", async () => {
  vi.stubEnv("SEEDANCE_BASE_URL", "http://127.0.0.1:9/");
  vi.stubEnv("SEEDANCE_API_KEY", "sk-from-env");
  const seen: Request[] = [];
  const client = new SeedanceClient({
    maxRetries: 0,
    fetch: async (url, init) => {
      seen.push(new Request(url, init));
      return Response.error();
    },
  });
  expect(client.baseUrl).toBe("http://127.0.0.1:9");
  await client.task.getStatus("task-1").catch(() => {});
  expect(seen[0]?.headers.get("authorization")).toBe("Bearer sk-from-env");
  expect(new SeedanceClient({ baseUrl: "http://explicit" }).baseUrl).toBe("http://explicit");
});

it("explains where the key comes from when there is none", () => {
  vi.stubEnv("SEEDANCE_API_KEY", "");
  expect(() => new SeedanceClient()).toThrow(/SEEDANCE_API_KEY/);
});
