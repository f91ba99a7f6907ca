#!/usr/bin/env node
// `seedance-sandbox`: runs the sandbox behind Prism until Ctrl-C or SIGTERM.
import { parseArgs } from "node:util";
import { sanitizeServerText } from "@seedance/core";
import { stopOnShutdown } from "@seedance/prism";
import type { Exchange, Violation } from "./front.ts";
import { startSandbox } from "./sandbox.ts";
import { TRIGGERS } from "./triggers.ts";

const USAGE = `Usage: seedance-sandbox [--port N] [--task-seconds S] [--webhook-secret whsec_…] [--rate-limit N]

  --port            port of the API (default $PORT or 4010)
  --task-seconds    how long a video task takes (default 5)
  --webhook-secret  secret webhooks are signed with (default: a random one, printed)
  --rate-limit      requests per hour for every key (default: free 10 for sk-test-free-… keys, pro 1000 for others)`;

function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a non-negative number, got ${value}`);
  return number;
}

/** Prism's verdict on one exchange, a line per violation on stderr: the sandbox's log. */
function logViolations({ method, path, status }: Exchange, violations: Violation[]): void {
  for (const { location, message } of violations) {
    const line = `violation: ${method} ${path} → ${status}  [${location.join(".")}] ${message}`;
    process.stderr.write(`${sanitizeServerText(line)}\n`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "task-seconds": { type: "string" },
      "webhook-secret": { type: "string" },
      "rate-limit": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    port: numberFlag("port", values.port ?? process.env.PORT ?? "4010"),
    taskSeconds: numberFlag("task-seconds", values["task-seconds"]),
    webhookSecret: values["webhook-secret"],
    rateLimit: numberFlag("rate-limit", values["rate-limit"]),
    onViolations: logViolations,
  });
  stopOnShutdown(() => sandbox.stop());
  console.log(`Seedance sandbox: ${sandbox.url}  (answers as the API does; the simulator is at ${sandbox.upstreamUrl})
  API key:        ${sandbox.apiKey}  (any sk-test-… key works; sk-test-free-… keys get the free tier)
  webhook secret: ${sandbox.webhookSecret}
  triggers:       put ${Object.values(TRIGGERS).join(", ")} in a prompt for a failed task, a 500, a 503 once
  checks:         Prism validates every exchange against the spec; violations are printed here and sent in an sl-violations header
Ctrl-C stops it.`);
}

main().catch((error: unknown) => {
  console.error(`seedance-sandbox: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
});
