// `seedance image "<prompt>"`: a Seedream generation (synchronous), optionally saved to --out.
import type { ImageGenerationParams } from "@seedance/node";
import type { Context } from "../context.ts";
import { type SaveFlags, saveAll } from "../download.ts";

export type ImageFlags = Omit<ImageGenerationParams, "prompt"> & SaveFlags;

export async function image(
  context: Context,
  prompt: string,
  { out, overwrite, ...params }: ImageFlags,
): Promise<void> {
  const client = context.client();
  const result = await client.seedream.generate({ prompt, ...params }, { signal: context.signal });
  context.output.print(
    result,
    result.images.map((generated) => generated.url),
  );
  if (!out) return;
  const images = result.images.map(({ url, id, format }) => ({ url, fallback: `${id}.${format ?? "png"}` }));
  await saveAll(context, client, images, { out, overwrite });
}
