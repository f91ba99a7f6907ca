// Runs in Chromium: each scenario uses @seedance/browser as an app would and returns plain data
// (errors described by name, code and message) for the Node side to check.
import { type DownloadProgress, type RedirectError, SeedanceClient, type SeedanceError } from "@seedance/browser";

const imageParams = { prompt: "A cyberpunk city street", model: "seedream-4.5", numImages: 1 } as const;
const videoParams = {
  prompt: "A spacecraft entering the atmosphere",
  model: "seedance-1.5-pro",
  duration: 20,
} as const;
const KEY = "sk-test-browser-page";

function direct(baseUrl: string) {
  return new SeedanceClient({ apiKey: KEY, dangerouslyAllowBrowser: true, baseUrl });
}

function described(error: unknown) {
  const { name, message, code } = error as SeedanceError & { code?: string };
  return { name, message, code };
}

async function failure(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    return described(error);
  }
  throw new Error("expected a failure");
}

/** The quickstart: an image, a video task, then its status. */
async function quickstart(client: SeedanceClient) {
  const image = await client.seedream.generate(imageParams);
  const video = await client.seedance.generate(videoParams);
  const status = await client.task.getStatus(video.taskId);
  return { imageUrl: image.images[0]?.url, taskId: video.taskId, status: status.status };
}

export const scenarios = {
  quickstart: ({ baseUrl }: { baseUrl: string }) => quickstart(direct(baseUrl)),

  async retry({ baseUrl }: { baseUrl: string }) {
    const client = direct(baseUrl);
    const image = await client.seedream.generate(imageParams);
    return { imageUrl: image.images[0]?.url, rateLimit: client.rateLimit?.limit };
  },

  async redirected({ baseUrl }: { baseUrl: string }) {
    const error = (await direct(baseUrl)
      .task.getStatus("task-1")
      .then(
        () => new Error("expected a RedirectError"),
        (caught: unknown) => caught,
      )) as RedirectError;
    return { name: error.name, status: error.status, location: error.location, message: error.message };
  },

  validation: ({ baseUrl }: { baseUrl: string }) =>
    failure(() => direct(baseUrl).seedream.generate({ ...imageParams, prompt: "x".repeat(301) })),

  keyWithoutOptIn: () =>
    // A plain-JavaScript caller: the types forbid this, the constructor must refuse it too.
    failure(() => new SeedanceClient({ apiKey: KEY } as never)),

  misconfigured: async () => [
    await failure(() => new SeedanceClient({} as never)),
    await failure(() => new SeedanceClient({ proxyUrl: "/api/seedance", apiKey: KEY } as never)),
  ],

  proxied: ({ proxyUrl }: { proxyUrl: string }) => quickstart(new SeedanceClient({ proxyUrl })),

  status: async ({ proxyUrl, taskId }: { proxyUrl: string; taskId: string }) =>
    (await new SeedanceClient({ proxyUrl }).task.getStatus(taskId)).status,

  outsideAllowList: ({ proxyUrl }: { proxyUrl: string }) =>
    failure(() => new SeedanceClient({ proxyUrl }).task.getResult("task-1")),

  async download({ url }: { url: string }) {
    const progress: DownloadProgress[] = [];
    const client = new SeedanceClient({ proxyUrl: "/api/seedance" });
    const blob = await client.download(url, { onProgress: (p) => progress.push(p) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return {
      size: blob.size,
      type: blob.type,
      progress,
      checksum: bytes.reduce((sum, byte) => (sum + byte) % 65_521, 0),
    };
  },

  downloadMissing: ({ url }: { url: string }) =>
    failure(() => new SeedanceClient({ proxyUrl: "/api/seedance" }).download(url)),

  downloadTooLarge: ({ url }: { url: string }) =>
    failure(() => new SeedanceClient({ proxyUrl: "/api/seedance" }).download(url, { maxBytes: 100 * 1024 })),

  downloadAborted({ url }: { url: string }) {
    const controller = new AbortController();
    const client = new SeedanceClient({ proxyUrl: "/api/seedance" });
    return failure(() => client.download(url, { signal: controller.signal, onProgress: () => controller.abort() }));
  },
};

export type Scenarios = typeof scenarios;

declare global {
  interface Window {
    scenarios: Scenarios;
  }
}
window.scenarios = scenarios;
