// The main job (`pnpm start`): builds what it needs, starts the offline sandbox and runs the
// quickstart through the public `seedance-sdk` package: an image, a video with a live progress
// bar (the state and progress the server reports at each poll), the final URLs, both files
// downloaded. With SEEDANCE_API_KEY and SEEDANCE_BASE_URL both set, it runs against that server
// instead and starts no sandbox. No API key is needed otherwise.
import { execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const started = Date.now();
const say = (line: string) => process.stdout.write(`${line}\n`);

say("Building the SDK and the sandbox (turbo; cached after the first run)…");
try {
  const filters = ["seedance-sdk", "@seedance/sandbox", "@seedance/cli"].map((name) => `--filter=${name}`);
  execFileSync("pnpm", ["turbo", "run", "build", "--output-logs=errors-only", ...filters], {
    stdio: "pipe",
    timeout: 600_000,
    killSignal: "SIGKILL",
  });
} catch (error) {
  const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
  process.stderr.write(`The build failed:\n${stdout ?? ""}${stderr ?? ""}`);
  process.exit(1);
}

// Imported only now: these are the packages' build output.
const { SeedanceClient } = await import("seedance-sdk");
const { startSandbox } = await import("@seedance/sandbox");
const { createTaskProgress, styleFor } = await import("@seedance/cli");
const { onShutdown } = await import("@seedance/prism");

// Ctrl-C, SIGTERM or the parent's death: abort the flow, whose `finally` stops the sandbox.
const interrupt = new AbortController();
onShutdown(() => interrupt.abort());
const signal = interrupt.signal;

const ownServer = Boolean(process.env.SEEDANCE_API_KEY && process.env.SEEDANCE_BASE_URL);
const sandbox = ownServer ? undefined : await startSandbox({ taskSeconds: 8 });
if (sandbox) {
  // What a user's shell would set; `new SeedanceClient()` reads them.
  process.env.SEEDANCE_API_KEY = sandbox.apiKey;
  process.env.SEEDANCE_BASE_URL = sandbox.url;
  say(`Sandbox: ${sandbox.url} (Prism checks every request and response against the spec)`);
} else {
  say(`Server: ${process.env.SEEDANCE_BASE_URL} (from SEEDANCE_BASE_URL)`);
}

try {
  const client = new SeedanceClient();

  const image = await client.seedream.generate(
    { prompt: "A cyberpunk city street", model: "seedream-4.5", resolution: "4k" },
    { signal },
  );
  const imageUrl = image.images[0]?.url as string;
  say(`image  ${imageUrl}`);

  const video = await client.seedance.generate(
    { prompt: "A spacecraft entering the atmosphere", model: "seedance-1.5-pro", duration: 20 },
    { signal },
  );
  say(`video  task ${video.taskId} queued (about ${video.estimatedWaitTimeSeconds ?? "?"}s)`);
  const progress = createTaskProgress({
    style: styleFor(process.stdout),
    stream: process.stdout,
    estimatedSeconds: video.estimatedWaitTimeSeconds,
    initial: video,
  });
  let result: Awaited<ReturnType<typeof client.task.waitForCompletion>>;
  try {
    result = await client.task.waitForCompletion(video.taskId, { onProgress: (s) => progress.update(s), signal });
  } finally {
    progress.stop();
  }
  if (result.status === "failed") throw new Error(`The video task failed: ${result.errorMessage}`);
  say(`video  ${result.videoUrl}`);

  const dir = await mkdtemp(join(tmpdir(), "seedance-demo-"));
  for (const url of [imageUrl, result.videoUrl]) {
    const path = join(dir, basename(new URL(url).pathname));
    const { bytes } = await client.download(url, path, { signal });
    say(`saved  ${path} (${bytes.toLocaleString("en-US")} bytes)`);
  }
  say(`Done in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
} catch (error) {
  process.stderr.write(`${signal.aborted ? "Interrupted" : `Failed: ${(error as Error).message}`}\n`);
  process.exitCode = signal.aborted ? 130 : 1;
} finally {
  await sandbox?.stop();
  if (sandbox) say("Sandbox stopped.");
}
