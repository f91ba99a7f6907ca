// The browser budget: what a page that makes an image, a video and waits for it ships.
import { SeedanceClient } from "seedance-sdk";

const client = new SeedanceClient({ proxyUrl: "/api/seedance" });
await client.seedream.generate({ prompt: "A lighthouse", model: "seedream-4.5" });
const video = await client.seedance.generate({ prompt: "A spacecraft", model: "seedance-1.5-pro", duration: 5 });
await client.task.waitForCompletion(video.taskId);
