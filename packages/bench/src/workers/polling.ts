// Polling cost: requests spent waiting for one video task that the sandbox finishes after
// `taskSeconds`, by seedance-sdk's `waitForCompletion` (as it is, and with an `onProgress` that a
// progress bar would give, which polls across the estimate) and by a naive 2-second loop like the
// API page's example, side by side on one sandbox, each behind its own counting proxy.
// Usage: node polling.mjs <taskSeconds>; prints { sdk, watched, naive } as { requests, seconds },
// `watched` with the progress values it saw.
import { startSandbox } from "@seedance/sandbox";
import { SeedanceClient, type TaskStatus } from "seedance-sdk";
import { type CountingProxy, startCountingProxy } from "../counting-proxy.ts";

const VIDEO = { prompt: "Waves at dusk", model: "seedance-1.5-pro", duration: 5 } as const;
const NAIVE_INTERVAL_MS = 2000;

const sandbox = await startSandbox({ taskSeconds: Number(process.argv[2] ?? 45) });
const [sdkProxy, watchedProxy, naiveProxy] = await Promise.all([
  startCountingProxy(sandbox.url),
  startCountingProxy(sandbox.url),
  startCountingProxy(sandbox.url),
]);
const progressSeen: number[] = [];

async function viaSdk(proxy: CountingProxy, onProgress?: (status: TaskStatus) => void): Promise<void> {
  const client = new SeedanceClient({ apiKey: sandbox.apiKey, baseUrl: proxy.url });
  const { taskId } = await client.seedance.generate(VIDEO);
  await client.task.waitForCompletion(taskId, { onProgress });
}

async function naiveLoop(): Promise<void> {
  const headers = { Authorization: `Bearer ${sandbox.apiKey}`, "Content-Type": "application/json" };
  const created = await fetch(`${naiveProxy.url}/v1/seedance/generate`, {
    method: "POST",
    headers,
    body: JSON.stringify(VIDEO),
  });
  const { data } = (await created.json()) as { data: { task_id: string } };
  for (;;) {
    const response = await fetch(`${naiveProxy.url}/v1/tasks/${data.task_id}`, { headers });
    const { data: task } = (await response.json()) as { data: { status: string } };
    if (task.status === "completed" || task.status === "failed") return;
    await new Promise((resolve) => setTimeout(resolve, NAIVE_INTERVAL_MS));
  }
}

const timed = async (wait: () => Promise<void>, proxy: { count: () => number }) => {
  const start = performance.now();
  await wait();
  return { requests: proxy.count(), seconds: (performance.now() - start) / 1000 };
};
try {
  const [sdk, watched, naive] = await Promise.all([
    timed(() => viaSdk(sdkProxy), sdkProxy),
    timed(() => viaSdk(watchedProxy, (status) => progressSeen.push(status.progress)), watchedProxy),
    timed(naiveLoop, naiveProxy),
  ]);
  console.log(JSON.stringify({ sdk, watched: { ...watched, progress: progressSeen }, naive }));
} finally {
  await Promise.all([sdkProxy.stop(), watchedProxy.stop(), naiveProxy.stop(), sandbox.stop()]);
}
