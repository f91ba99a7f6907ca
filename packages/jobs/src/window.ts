// The server's idempotency window, read from the bundled spec's description of the `Idempotency-Key`
// header ("a repeated key within 24 hours returns the first request's result"), so that a change of
// the API's promise reaches the journal with the next spec release instead of being restated here.
import { createRequire } from "node:module";

interface Spec {
  components: { parameters: Record<string, { description?: string }> };
}

const WINDOW = /within (\d+) hours?/;

/** Milliseconds a key keeps its first answer on the server, from the spec's text. */
export function idempotencyWindowMs(
  spec: Spec = createRequire(import.meta.url)("@seedance/openapi/openapi.json") as Spec,
): number {
  const description = spec.components.parameters.IdempotencyKey?.description ?? "";
  const hours = description.match(WINDOW)?.[1];
  if (!hours) {
    throw new Error(
      "The bundled spec no longer says how long an Idempotency-Key is kept (`within N hours` in " +
        "components.parameters.IdempotencyKey): update @seedance/jobs with @seedance/openapi.",
    );
  }
  return Number(hours) * 3_600_000;
}
