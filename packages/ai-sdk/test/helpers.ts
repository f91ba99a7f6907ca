// Test helpers: a loopback webhook endpoint shaped like the `webhook` factory `ai` takes, and the
// `download` a local run needs (ai's default downloader refuses loopback URLs by design).
import { type RecordedRequest, startScriptedServer } from "@seedance/testkit";

export interface Delivery {
  headers: Record<string, string>;
  body: string;
}

/** What an app's endpoint hands to `ai`: the raw body (Standard Webhooks signs it) and the headers. */
export function toDelivery(request: RecordedRequest): Delivery {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers[name] = value;
  return { headers, body: request.body };
}

/**
 * A webhook endpoint for one call: `received` resolves with the first delivery that says the task
 * finished (read, not trusted: the provider verifies it). Every delivery is kept in `deliveries`.
 */
export async function webhookEndpoint() {
  const deliveries: Delivery[] = [];
  let resolve: (delivery: Delivery) => void = () => {};
  const received = new Promise<Delivery>((settle) => {
    resolve = settle;
  });
  const server = await startScriptedServer((request, response) => {
    const delivery = toDelivery(request);
    deliveries.push(delivery);
    response.writeHead(204).end();
    const { event } = JSON.parse(delivery.body) as { event: string };
    if (event === "task.completed" || event === "task.failed") resolve(delivery);
  });
  return { url: `${server.url}/webhooks`, received, deliveries, stop: server.stop };
}

/** `download` for `experimental_generateVideo` when the media is served from loopback (the sandbox). */
export async function loopbackDownload({ url, abortSignal }: { url: URL; abortSignal?: AbortSignal }) {
  const response = await fetch(url, { signal: abortSignal });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return {
    data: new Uint8Array(await response.arrayBuffer()),
    mediaType: response.headers.get("content-type") ?? undefined,
  };
}
