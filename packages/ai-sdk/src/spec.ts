// Constants read from the spec's generated valibot schemas, so a change to the spec's limits or
// enums changes the provider with it. Nothing here restates a value.
import { schemas } from "@seedance/core/api";

interface Action {
  type: string;
  requirement?: unknown;
}

/** The `requirement` of a pipe action (e.g. `max_value`) on an optional or required schema. */
function requirementOf(schema: unknown, type: string): unknown {
  const node = schema as { wrapped?: unknown; pipe?: Action[] };
  const pipe = node.pipe ?? (node.wrapped as { pipe?: Action[] } | undefined)?.pipe ?? [];
  const action = pipe.find((candidate) => candidate.type === type);
  if (action === undefined) throw new Error(`The spec's schema has no ${type} constraint; rebuild @seedance/core.`);
  return action.requirement;
}

const imageRequest = schemas.vImageGenerationRequest.entries;

/** `num_images` maximum: how many images one request may ask for. */
export const MAX_IMAGES_PER_CALL = requirementOf(imageRequest.num_images, "max_value") as number;

/** The image resolutions the API accepts (`1024x1024`, …). */
export const IMAGE_RESOLUTIONS: readonly string[] = schemas.vImageResolution.options;

/** The video resolutions the API accepts (`720p`, …). */
export const VIDEO_RESOLUTIONS: readonly string[] = schemas.vVideoResolution.options;
