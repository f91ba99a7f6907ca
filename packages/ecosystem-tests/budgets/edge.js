// The edge budget: the same calls from a Worker, configured by its env binding.
import { SeedanceClient } from "seedance-sdk";

export default {
  async fetch(_request, env) {
    const client = new SeedanceClient({ env });
    await client.seedream.generate({ prompt: "A lighthouse", model: "seedream-4.5" });
    const video = await client.seedance.generate({ prompt: "A spacecraft", model: "seedance-1.5-pro", duration: 5 });
    return Response.json(await client.task.waitForCompletion(video.taskId));
  },
};
