// SEEDANCE_API_KEY=sk-... node index.ts   (Node 22.18+ runs TypeScript as is)
// Against the offline sandbox: npx seedance-sandbox, then SEEDANCE_API_KEY=sk-test-sandbox
// SEEDANCE_BASE_URL=http://127.0.0.1:4010 node index.ts
import { join } from "node:path";
import { SeedanceClient } from "@seedance/node";

const client = new SeedanceClient(); // reads SEEDANCE_API_KEY and SEEDANCE_BASE_URL
const outDir = process.env.OUT_DIR ?? ".";

const image = await client.seedream.generate({ prompt: "A lighthouse at dawn", model: "seedream-4.5" });
console.log("image:", image.images[0]?.url);

const video = await client.seedance.generate({ prompt: "Waves at dusk", model: "seedance-1.5-pro", duration: 5 });
const finished = await client.task.waitForCompletion(video.taskId, {
  pollInterval: 500,
  onProgress: (status) => console.log(`video ${status.status} ${status.progress ?? 0}%`),
});
if (finished.status === "failed") throw new Error(`video failed: ${finished.errorMessage}`);

const file = join(outDir, "video.mp4");
await client.download(finished.videoUrl, file);
console.log("video saved to", file);
