// SEEDANCE_API_KEY=sk-... bun index.ts
import { join } from "node:path";
import { SeedanceClient } from "seedance-sdk";

const client = new SeedanceClient(); // reads SEEDANCE_API_KEY and SEEDANCE_BASE_URL
const image = await client.seedream.generate({ prompt: "A paper boat on a pond", model: "seedream-4.5" });
const url = image.images[0]?.url;
if (!url) throw new Error("The API returned no image.");

const file = join(Bun.env.OUT_DIR ?? ".", "image.png");
await client.download(url, file);
console.log("image saved to", file, `(${Bun.file(file).size} bytes)`);
