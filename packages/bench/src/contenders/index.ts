// The contenders, in the order the table lists them. `id` names the module beside this file; each
// exports `connect(baseUrl): Call`, whose construction is what cold start measures.
export interface Contender {
  id: string;
  name: string;
  /** Our SDK, an anchor SDK it is compared with, or a raw client that sets the scale. */
  kind: "baseline" | "floor" | "ours" | "anchor";
  /** Why it has no browser bundle, for a contender that only runs in Node but would still bundle. */
  noBundle?: string;
}

export const CONTENDERS: readonly Contender[] = [
  { id: "fetch", name: "raw fetch", kind: "baseline" },
  { id: "undici", name: "raw undici.request", kind: "floor" },
  { id: "node-http", name: "raw node:http", kind: "floor" },
  {
    id: "node-http-builtin",
    name: "raw node:http via getBuiltinModule",
    kind: "floor",
    noBundle: "Node only (process.getBuiltinModule)",
  },
  { id: "seedance-sdk", name: "seedance-sdk (Node build)", kind: "ours" },
  { id: "seedance-edge", name: "seedance-sdk fetch build (@seedance/edge)", kind: "ours" },
  { id: "seedance-otel", name: "seedance-sdk + @seedance/otel (tracing on)", kind: "ours" },
  { id: "openai", name: "openai", kind: "anchor" },
  { id: "replicate", name: "replicate", kind: "anchor" },
  { id: "fal", name: "@fal-ai/client", kind: "anchor" },
  { id: "openapi-fetch", name: "openapi-fetch", kind: "anchor" },
];

export const BASELINE = "fetch";
export const OURS = "seedance-sdk";
export const OURS_FETCH = "seedance-edge";
