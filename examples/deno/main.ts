// SEEDANCE_API_KEY=sk-... deno run --allow-env --allow-net main.ts
// Deno reads seedance-sdk from node_modules (`npm install`, or `deno install`, first); `deno check main.ts`
// type-checks it there. (In this repository CI uses tsc with @types/deno: Deno does not map the
// `.d.ts` files of a workspace-linked package, which sits outside node_modules.)
import { SeedanceClient } from "seedance-sdk";

const client = new SeedanceClient({
  apiKey: Deno.env.get("SEEDANCE_API_KEY"),
  baseUrl: Deno.env.get("SEEDANCE_BASE_URL"),
});

const image = await client.seedream.generate({ prompt: "A fox in the snow", model: "seedream-4.5" });
console.log("image:", image.images[0]?.url);

const video = await client.seedance.generate({ prompt: "Snow falling", model: "seedance-1.5-pro", duration: 5 });
const status = await client.task.getStatus(video.taskId);
console.log("video task:", status.taskId, status.status);
