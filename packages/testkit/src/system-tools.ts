// Programs the tests use that no npm package brings: where to find them, and what to say when they
// are missing. The README's set-up (scripts/provision.ts) installs them with apt-get where it can.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export interface SystemTool {
  /** What it is, in a sentence's words. */
  name: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** An environment variable that points at it, checked first. */
  env: string;
  /** Absolute paths and command names (looked up on PATH), in order of preference. */
  candidates: readonly string[];
  /** One line: what to install, for a machine without it. */
  hint: string;
}

export const chromium: SystemTool = {
  name: "Chromium",
  debianPackage: "chromium",
  env: "CHROME_PATH",
  candidates: [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
  hint: "the browser tests need Chromium or Chrome: `apt-get install -y chromium` (Debian/Ubuntu, as root; `pnpm install` does this when run as root), or set CHROME_PATH to a Chrome or Chromium binary",
};

export const redisServer: SystemTool = {
  name: "redis-server",
  debianPackage: "redis-server",
  env: "REDIS_SERVER_PATH",
  candidates: ["redis-server", "/opt/homebrew/bin/redis-server", "/usr/local/bin/redis-server"],
  hint: "the Redis tests need redis-server: `apt-get install -y redis-server` (Debian/Ubuntu, as root; `pnpm install` does this when run as root), `brew install redis`, or set REDIS_SERVER_PATH",
};

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The tool's path, or undefined when this machine does not have it. */
export function findSystemTool(tool: SystemTool): string | undefined {
  const fromEnv = process.env[tool.env];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  const path = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const candidate of tool.candidates) {
    const found = candidate.includes("/")
      ? [candidate].filter(isExecutable)
      : path.map((dir) => join(dir, candidate)).filter(isExecutable);
    if (found[0]) return found[0];
  }
  return undefined;
}

/** The tool's path; throws one line saying what to install when it is missing. */
export function requireSystemTool(tool: SystemTool): string {
  const found = findSystemTool(tool);
  if (found) return found;
  const set = process.env[tool.env];
  throw new Error(`${tool.name} not found${set ? ` (${tool.env}=${set} is not executable)` : ""}: ${tool.hint}.`);
}
