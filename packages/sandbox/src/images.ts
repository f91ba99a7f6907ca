// Seedream image generation: synchronous, one placeholder PNG per requested image at the
// requested resolution, its colour taken from a hash of the prompt, seed and image index.
import { randomUUID } from "node:crypto";
import type { Image, ImageGenerationRequest, ImageGenerationResult, ImageResolution } from "@seedance/core/api";
import type { FileStore } from "./files.ts";
import { digest, png } from "./media.ts";
import { schemaOf } from "./spec.ts";

const imageRequest = schemaOf("ImageGenerationRequest");
const DEFAULT_COUNT = imageRequest.properties?.num_images?.default as number;
/** The spec gives no default resolution; the smallest one it allows is the cheapest to make. */
const DEFAULT_RESOLUTION = schemaOf("ImageResolution").enum?.[0] as ImageResolution;
/** `4k` is 4096×4096, per the spec's ImageResolution. */
const SIDE_OF_4K = 4096;

export async function generateImages(
  request: ImageGenerationRequest,
  files: FileStore,
): Promise<ImageGenerationResult> {
  const started = performance.now();
  const resolution = request.resolution ?? DEFAULT_RESOLUTION;
  const [width, height] = dimensionsOf(resolution);
  const images: Image[] = [];
  // One at a time: a 4k image needs a 50 MB scanline buffer while it is compressed.
  for (let index = 0; index < (request.num_images ?? DEFAULT_COUNT); index++) {
    const id = `img-${randomUUID()}`;
    const bytes = await png(width, height, digest(JSON.stringify([request.prompt, request.seed ?? null, index])));
    const url = files.add(`images/${id}.png`, bytes);
    images.push({ id, url, width, height, format: "png", size_bytes: bytes.length });
  }
  return {
    task_id: `task-${randomUUID()}`,
    images,
    model: request.model,
    resolution,
    processing_time_ms: Math.round(performance.now() - started),
  };
}

function dimensionsOf(resolution: ImageResolution): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(resolution);
  return match ? [Number(match[1]), Number(match[2])] : [SIDE_OF_4K, SIDE_OF_4K];
}
