// The machine's Chromium or Chrome (testkit finds it, or says what to install) driven by playwright-core. The machine is offline, so every background
// service that would dial out is turned off; each run gets a fresh profile.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { chromium as chromiumTool, requireSystemTool } from "./system-tools.ts";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const executablePath = requireSystemTool(chromiumTool);
  const profile = await mkdtemp(join(tmpdir(), "seedance-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    timeout: 30_000,
    headless: true,
    args: ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
