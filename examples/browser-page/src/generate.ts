// The page's one call: an image through the proxy at `proxyUrl`, which adds the API key on the
// server, so no key is ever in the page.
import { SeedanceClient } from "@seedance/browser";

export async function generateImage(prompt: string, proxyUrl = "/api/seedance"): Promise<string> {
  const client = new SeedanceClient({ proxyUrl });
  const { images } = await client.seedream.generate({ prompt, model: "seedream-4.5" });
  const url = images[0]?.url;
  if (!url) throw new Error("The API returned no image.");
  return url;
}
