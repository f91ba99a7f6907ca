// SEEDANCE_API_KEY=sk-... node index.ts   (Node 22.18+ runs TypeScript as is)
// Against the offline sandbox: npx seedance-sandbox, then SEEDANCE_API_KEY=sk-test-sandbox
// SEEDANCE_BASE_URL=http://127.0.0.1:4010 node index.ts
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { seedance } from "@seedance/ai-sdk";
import { experimental_generateVideo, generateImage } from "ai";

const outDir = process.env.OUT_DIR ?? ".";

const { image, providerMetadata } = await generateImage({
  model: seedance.image("seedream-4.5"), // reads SEEDANCE_API_KEY and SEEDANCE_BASE_URL
  prompt: "A lighthouse at dawn",
  size: "2048x2048",
  providerOptions: { seedance: { quality: "high" } },
});
await writeFile(join(outDir, "image.png"), image.uint8Array);
const [metadata] = (providerMetadata.seedance?.images ?? []) as { url: string; id: string }[];
console.log("image:", metadata?.url);

// Videos come back as URLs that `ai` downloads. Its default downloader refuses loopback addresses
// (an SSRF guard), and the local sandbox serves media from 127.0.0.1: only then download here.
const local = /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(process.env.SEEDANCE_BASE_URL ?? "");
const { video } = await experimental_generateVideo({
  model: seedance.video("seedance-1.5-pro"),
  prompt: "Waves at dusk",
  duration: 5,
  resolution: "1280x720",
  poll: { intervalMs: 500 },
  ...(local && {
    download: async ({ url, abortSignal }) => {
      const response = await fetch(url, { signal: abortSignal });
      return {
        data: new Uint8Array(await response.arrayBuffer()),
        mediaType: response.headers.get("content-type") ?? undefined,
      };
    },
  }),
});
const file = join(outDir, "video.mp4");
await writeFile(file, video.uint8Array);
console.log("video saved to", file);
