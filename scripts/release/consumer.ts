// A clean consumer project outside the workspace that depends on every tarball, installed the way a
// user's `pnpm add` would (isolated node_modules, so an undeclared dependency fails to resolve).
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runOrThrow } from "./exec.ts";

/**
 * The consumer's own toolchain for the type checks, pinned like the workspace's, and the optional
 * peers a user of every entry installs (@seedance/jobs' fleet types name BullMQ's and ioredis's).
 */
export const CONSUMER_DEV_DEPENDENCIES = { "@types/node": "24.19.2", bullmq: "6.7.0", ioredis: "6.0.0" };

export function createConsumer(dir: string, tarballs: Record<string, string>): void {
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]));
  const manifest = {
    name: "seedance-release-check-consumer",
    private: true,
    type: "module",
    dependencies,
    devDependencies: CONSUMER_DEV_DEPENDENCIES,
    // The tarballs name each other by a version that is not on the registry yet: point those at the tarballs.
    pnpm: { overrides: dependencies },
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(new URL("probe.ts", import.meta.url), join(dir, "probe.ts"));
  // The registry's metadata was cached at set-up (scripts/provision.ts): no network needed.
  runOrThrow("pnpm", ["install", "--offline", "--ignore-workspace"], dir);
}
