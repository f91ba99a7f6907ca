// The quickstart every runtime runs against Prism, written once in plain ESM: image, video, status,
// a 429 answered by a retry, and a request the SDK rejects before sending. `env` is whatever the
// runtime configures from (undefined: process.env); the report says which build was resolved.
export async function scenario(sdk, env, retryUrl) {
  const { SeedanceClient, ValidationError } = sdk;
  const client = new SeedanceClient({ env });
  const image = await client.seedream.generate({
    prompt: "A cyberpunk city street with neon signs",
    model: "seedream-4.5",
    resolution: "4k",
    quality: "high",
    numImages: 1,
  });
  const video = await client.seedance.generate({
    prompt: "A spacecraft entering Earth's atmosphere",
    model: "seedance-1.5-pro",
    duration: 20,
    resolution: "1080p",
    fps: 24,
  });
  const status = await client.task.getStatus(video.taskId);

  const retrying = new SeedanceClient({ env, baseUrl: retryUrl });
  const retried = await retrying.seedream.generate({ prompt: "A lighthouse", model: "seedream-4.5" });

  let validation = "not thrown";
  try {
    await client.seedream.generate({ prompt: "x".repeat(301), model: "seedream-4.5" });
  } catch (error) {
    validation = error instanceof ValidationError ? "ValidationError" : String(error);
  }

  return {
    build: typeof sdk.createNodeProxyHandler === "function" ? "node" : "edge",
    imageUrl: image.images[0].url,
    taskId: video.taskId,
    status: status.status,
    retriedImages: retried.images.length,
    validation,
  };
}
