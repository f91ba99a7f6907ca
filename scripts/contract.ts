// `pnpm contract [--upstream URL --api-key KEY] [--sandbox]`: checks a server against the spec.
// Every operation of the bundled spec is called through Prism's validating proxy, once for each
// documented status this script can provoke, and the violations Prism reports are counted in a
// table of operations × statuses. Without --upstream it starts the sandbox and checks that.
// Exits 1 on any violation, or when a call got another status than the one it was meant to provoke.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const USAGE = `Usage: pnpm contract [--upstream URL --api-key KEY] [--sandbox]

  --upstream URL  the server to check (default: start the sandbox and check it)
  --api-key KEY   a valid key for it (default: $SEEDANCE_API_KEY)
  --sandbox       the upstream is a Seedance sandbox: also provoke 429 (free-tier keys), 500 and 503 (prompt triggers)`;

const { values: flags } = parseArgs({
  options: {
    upstream: { type: "string" },
    "api-key": { type: "string" },
    sandbox: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const apiKeyFlag = flags["api-key"] ?? process.env.SEEDANCE_API_KEY;
if (flags.upstream && !apiKeyFlag) {
  console.error(`--upstream needs --api-key (or SEEDANCE_API_KEY).\n\n${USAGE}`);
  process.exit(2);
}

try {
  execFileSync("pnpm", ["turbo", "run", "build", "--output-logs=errors-only", "--filter=@seedance/sandbox"], {
    stdio: "pipe",
  });
} catch (error) {
  const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
  process.stderr.write(`The build failed:\n${stdout ?? ""}${stderr ?? ""}`);
  process.exit(1);
}
// Imported only now: these are the packages' build output.
const { bundledSpecPath, startPrism, violationsOf } = await import("@seedance/prism");
const { SANDBOX_API_KEY, startSandboxServer, TRIGGERS } = await import("@seedance/sandbox");

// ---- the spec: operations and their documented statuses ----

interface Operation {
  id: string;
  method: string;
  path: string;
  statuses: string[];
  /** The first request body example, for operations that take a body. */
  example?: Record<string, unknown>;
}

interface SpecOperation {
  operationId: string;
  responses: Record<string, unknown>;
  requestBody?: {
    content: Record<string, { schema?: unknown; examples?: Record<string, { value: Record<string, unknown> }> }>;
  };
}

interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: { Prompt: { maxLength: number } } };
}

const isOperation = (value: unknown): value is SpecOperation =>
  typeof value === "object" && value !== null && "responses" in value;

const spec = JSON.parse(await readFile(bundledSpecPath, "utf8")) as Spec;
const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter((entry): entry is [string, SpecOperation] => isOperation(entry[1]))
    .map(([method, operation]) => {
      const examples = operation.requestBody?.content["application/json"]?.examples;
      return {
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(operation.responses),
        example: examples && Object.values(examples)[0]?.value,
      };
    }),
);
const statuses = [...new Set(operations.flatMap((operation) => operation.statuses))].sort();
const promptLimit = spec.components.schemas.Prompt.maxLength;

/** The spec with its request bodies left unchecked, so Prism forwards a bad body and checks the answer. */
async function lenientSpec(dir: string): Promise<string> {
  const lenient = structuredClone(spec);
  for (const operation of Object.values(lenient.paths).flatMap((item) => Object.values(item).filter(isOperation))) {
    for (const media of Object.values(operation.requestBody?.content ?? {})) media.schema = {};
  }
  const path = join(dir, "openapi.lenient.json");
  await writeFile(path, JSON.stringify(lenient));
  return path;
}

// ---- the calls that provoke each status ----

interface Target {
  /** Prism validating everything. */
  url: string;
  /** Prism validating everything but request bodies (for 400s the upstream must answer itself). */
  lenientUrl: string;
  apiKey: string;
  /** The upstream is a sandbox: free-tier keys and prompt triggers work. */
  sandbox: boolean;
}

type Provoke = (operation: Operation, target: Target) => Promise<Response> | undefined;

const UNKNOWN_TASK = "task-contract-check-unknown";

function call(base: string, operation: Operation, key: string, options: { taskId?: string; body?: unknown } = {}) {
  const path = operation.path.replace("{task_id}", options.taskId ?? UNKNOWN_TASK);
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return fetch(`${base}${path}`, { method: operation.method, headers, body, signal: AbortSignal.timeout(60_000) });
}

const withPrompt = (operation: Operation, prompt: (example: string) => string) =>
  operation.example && { ...operation.example, prompt: prompt(String(operation.example.prompt)) };

/** What the task calls need of an answer's envelope. */
type TaskData = { data?: { task_id?: string; status?: string } };

async function createTask(target: Target): Promise<string> {
  const generate = operations.find((operation) => operation.id === "generateVideo") as Operation;
  const response = await call(target.url, generate, target.apiKey, { body: generate.example });
  const { data } = (await response.json()) as TaskData;
  if (!data?.task_id) throw new Error(`Could not create a video task: HTTP ${response.status}`);
  return data.task_id;
}

async function finishedTask(target: Target): Promise<string> {
  const taskId = await createTask(target);
  const status = operations.find((operation) => operation.id === "getTaskStatus") as Operation;
  // A real service's quota is small: poll it gently.
  const gap = target.sandbox ? 500 : 10_000;
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    const { data } = (await (await call(target.url, status, target.apiKey, { taskId })).json()) as TaskData;
    if (data?.status === "completed" || data?.status === "failed") return taskId;
    await new Promise((resolve) => setTimeout(resolve, gap));
  }
  throw new Error(`Task ${taskId} did not finish within 10 minutes`);
}

/** Repeats a call with a fresh free-tier key until its quota runs out. */
async function exhaust(send: (key: string) => Promise<Response>): Promise<Response> {
  const key = `sk-test-free-contract-${randomUUID()}`;
  for (let attempt = 0; ; attempt++) {
    const response = await send(key);
    if (response.status === 429 || attempt >= 50) return response;
    await response.body?.cancel();
  }
}

const PROVOKE: Record<string, Provoke> = {
  success: (operation, target) => {
    if (operation.example) return call(target.url, operation, target.apiKey, { body: operation.example });
    const task = operation.id === "getTaskResult" ? finishedTask(target) : createTask(target);
    return task.then((taskId) => call(target.url, operation, target.apiKey, { taskId }));
  },
  "400": (operation, target) => {
    const body = withPrompt(operation, () => "x".repeat(promptLimit + 1));
    return body && call(target.lenientUrl, operation, target.apiKey, { body });
  },
  "401": (operation, target) => call(target.url, operation, "not-a-valid-key", { body: operation.example }),
  "404": (operation, target) => (operation.example ? undefined : call(target.url, operation, target.apiKey)),
  "409": (operation, target) =>
    operation.id === "getTaskResult"
      ? createTask(target).then((taskId) => call(target.url, operation, target.apiKey, { taskId }))
      : undefined,
  "429": (operation, target) =>
    target.sandbox ? exhaust((key) => call(target.url, operation, key, { body: operation.example })) : undefined,
  "500": (operation, target) => {
    const body = withPrompt(operation, (prompt) => `${prompt} ${TRIGGERS.error}`);
    return target.sandbox && body ? call(target.url, operation, target.apiKey, { body }) : undefined;
  },
  "503": (operation, target) => {
    // The trigger answers 503 once per key and prompt: a fresh prompt each run.
    const body = withPrompt(operation, (prompt) => `${prompt} ${TRIGGERS.busy} ${randomUUID()}`);
    return target.sandbox && body ? call(target.url, operation, target.apiKey, { body }) : undefined;
  },
};

// ---- running the checks ----

interface Check {
  operation: Operation;
  status: string;
  /** Undefined when this status cannot be provoked on this upstream, or the call could not be made. */
  got?: number;
  violations: unknown[];
  /** Why the call could not be made (e.g. no task to ask about, the server being broken). */
  error?: string;
}

async function check(operation: Operation, status: string, target: Target): Promise<Check> {
  const provoke = status.startsWith("2") ? PROVOKE.success : PROVOKE[status];
  try {
    const response = await provoke?.(operation, target);
    if (!response) return { operation, status, violations: [] };
    await response.body?.cancel();
    return { operation, status, got: response.status, violations: violationsOf(response) };
  } catch (error) {
    return { operation, status, violations: [], error: (error as Error).message };
  }
}

function cell(found: Check | undefined): string {
  if (!found) return "";
  if (found.error) return "error";
  if (found.got === undefined) return "-";
  // Prism answers 500 for a response that breaks the contract: the violations are the news.
  if (found.violations.length > 0) return `${found.violations.length}!`;
  return String(found.got) === found.status ? "0" : `got ${found.got}`;
}

function report(checks: Check[]): boolean {
  const header = ["operation", "method", "path", ...statuses];
  const rows = operations.map((operation) => [
    operation.id,
    operation.method,
    operation.path,
    ...statuses.map((status) => cell(checks.find((c) => c.operation === operation && c.status === status))),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => row.map((text, column) => text.padEnd(widths[column] ?? 0)).join("  ");
  for (const row of [header, ...rows]) console.log(line(row).trimEnd());

  const ran = checks.filter((c) => c.got !== undefined);
  const violations = ran.flatMap((c) => c.violations.map((v) => `${c.operation.id} ${c.status}: ${JSON.stringify(v)}`));
  const mismatches = ran.filter((c) => c.violations.length === 0 && String(c.got) !== c.status);
  const errors = checks.filter((c) => c.error);
  console.log(
    "\nEach cell: violations Prism reported for that status (0 = conforms, N! = N violations), '-' not provoked on " +
      "this upstream, 'got N' another status came back, 'error' the call could not be made, blank: not in the spec.",
  );
  for (const line of violations) console.log(`violation  ${line}`);
  for (const c of errors) console.log(`error      ${c.operation.id} ${c.status}: ${c.error}`);
  console.log(
    `${ran.length} checks, ${violations.length} violations, ${mismatches.length} unexpected statuses, ` +
      `${errors.length} errors, ${checks.length - ran.length - errors.length} not provoked`,
  );
  return violations.length === 0 && mismatches.length === 0 && errors.length === 0;
}

const workDir = await mkdtemp(join(tmpdir(), "seedance-contract-"));
const stops: (() => Promise<void>)[] = [];
try {
  const sandbox = flags.upstream ? undefined : await startSandboxServer({ taskSeconds: 1, tiers: { free: 2 } });
  if (sandbox) stops.push(sandbox.stop);
  const upstream = flags.upstream ?? (sandbox?.url as string);
  const [strict, lenient] = await Promise.all([
    startPrism({ upstream }),
    lenientSpec(workDir).then((specPath) => startPrism({ upstream, spec: specPath })),
  ]);
  stops.unshift(strict.stop, lenient.stop);
  console.log(`Contract check of ${upstream}${sandbox ? " (the sandbox)" : ""} through Prism's validating proxy\n`);

  const target: Target = {
    url: strict.url,
    lenientUrl: lenient.url,
    apiKey: apiKeyFlag && flags.upstream ? apiKeyFlag : SANDBOX_API_KEY,
    sandbox: Boolean(sandbox) || flags.sandbox,
  };
  // One call at a time: a real service's rate limit is shared by all of them.
  const checks: Check[] = [];
  for (const operation of operations) {
    for (const status of operation.statuses) checks.push(await check(operation, status, target));
  }
  process.exitCode = report(checks) ? 0 : 1;
} catch (error) {
  console.error(`contract: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  for (const stop of stops) await stop();
  await rm(workDir, { recursive: true, force: true });
}
