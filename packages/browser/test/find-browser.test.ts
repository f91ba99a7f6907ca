// Without a browser the browser tests must fail, with one line that says what to install.
import { chromium, requireSystemTool } from "@seedance/testkit";
import { afterEach, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
});

it("fails with one line naming the install command and CHROME_PATH when no Chromium can be found", () => {
  vi.stubEnv("CHROME_PATH", "/nonexistent/chrome");
  expect(() => requireSystemTool(chromium)).toThrowError(
    /^Chromium not found \(CHROME_PATH=\/nonexistent\/chrome is not executable\): .*`apt-get install -y chromium`.*CHROME_PATH[^\n]*\.$/,
  );
});

it("finds the browser CHROME_PATH names", () => {
  vi.stubEnv("CHROME_PATH", process.execPath);
  expect(requireSystemTool(chromium)).toBe(process.execPath);
});
