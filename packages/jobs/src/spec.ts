// What the batch input needs from the bundled spec: each request's fields and their JSON types (to
// type CSV cells), and the video models (to tell a video line from an image line).
import { createRequire } from "node:module";
import type { ItemKind } from "./records.js";

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
}

const spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json") as {
  components: { schemas: Record<string, Schema> };
};

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(spec.components.schemas[schema.$ref.split("/").pop() as string] ?? {}) : schema;

const REQUESTS: Record<ItemKind, string> = { image: "ImageGenerationRequest", video: "VideoGenerationRequest" };

/** The JSON type of a request field (`"integer"`, `"string"`, …), or undefined for a field the spec lacks. */
export function fieldType(kind: ItemKind, field: string): string | undefined {
  const property = spec.components.schemas[REQUESTS[kind]]?.properties?.[field];
  if (!property) return undefined;
  const { type } = resolve(property);
  return Array.isArray(type) ? type.find((each) => each !== "null") : type;
}

/** The spec's video models: a line naming one is a video. */
export function isVideoModel(model: unknown): boolean {
  const property = spec.components.schemas[REQUESTS.video]?.properties?.model;
  return !!property && (resolve(property).enum ?? []).includes(model);
}
