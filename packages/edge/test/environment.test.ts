import { afterEach, describe, expect, it, vi } from "vitest";
import { withEnvironment } from "../src/environment.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("withEnvironment", () => {
  it("reads a Worker's env binding before process.env", () => {
    vi.stubEnv("SEEDANCE_API_KEY", "from-process");
    const options = withEnvironment({ env: { SEEDANCE_API_KEY: "from-binding", SEEDANCE_BASE_URL: "http://b" } });
    expect(options).toMatchObject({ apiKey: "from-binding", baseUrl: "http://b" });
    expect(options).not.toHaveProperty("env");
  });

  it("falls back to process.env, and explicit options win over both", () => {
    vi.stubEnv("SEEDANCE_API_KEY", "from-process");
    vi.stubEnv("SEEDANCE_BASE_URL", "http://p");
    expect(withEnvironment({})).toMatchObject({ apiKey: "from-process", baseUrl: "http://p" });
    expect(withEnvironment({ apiKey: "explicit", env: { SEEDANCE_API_KEY: "b" } }).apiKey).toBe("explicit");
  });

  it("ignores bindings that are not strings, such as KV namespaces", () => {
    vi.stubEnv("SEEDANCE_API_KEY", "");
    expect(withEnvironment({ env: { SEEDANCE_API_KEY: {} } }).apiKey).toBeUndefined();
  });
});
