// `seedance image "<prompt>"`: a Seedream generation (synchronous), optionally saved to --out.
import type { ImageGenerationParams } from "@seedance/node";
import type { Context } from "../context.ts";
import { describeFile, saveTo } from "../download.ts";

export type ImageFlags = Omit<ImageGenerationParams, "prompt"> & { out?: string };

export async function image(context: Context, prompt: string, { out, ...params }: ImageFlags): Promise<void> {
  const client = context.client();
  const result = await client.seedream.generate({ prompt, ...params }, { signal: context.signal });
  context.output.print(
    result,
    result.images.map((generated) => generated.url),
  );
  if (!out) return;
  const files = await Promise.all(
    result.images.map((generated) =>
      saveTo(client, generated.url, out, {
        fallback: `${generated.id}.${generated.format ?? "png"}`,
        signal: context.signal,
      }),
    ),
  );
  context.output.print({ files }, files.map(describeFile));
}
