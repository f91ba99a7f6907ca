// `seedance webhook verify --secret whsec_… < payload`: checks a delivery's signature with core's
// verifyWebhook. The payload is `{"headers": {…}, "body": "<raw body>"}` (what `signWebhook` gives),
// or, with --header flags, the raw body itself.
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { verifyWebhook } from "@seedance/node";
import type { Context } from "../context.ts";
import { UsageError } from "../errors.ts";

export interface VerifyFlags {
  secret?: string;
  header?: string[];
  tolerance?: number;
}

interface Delivery {
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export async function verify(
  context: Context,
  flags: VerifyFlags,
  stdin: Readable & { isTTY?: boolean },
): Promise<void> {
  if (!flags.secret) throw new UsageError("No webhook secret: set SEEDANCE_WEBHOOK_SECRET or pass --secret whsec_….");
  if (stdin.isTTY)
    throw new UsageError("Pipe the delivery on stdin, e.g. seedance webhook verify --secret … < delivery.json");
  const input = await buffer(stdin);
  const { headers, body } = flags.header ? { headers: parseHeaders(flags.header), body: input } : parseDelivery(input);
  const event = await verifyWebhook(body, headers, flags.secret, { tolerance: flags.tolerance });
  context.output.print(event, [`verified: ${event.event} for ${event.data.taskId} (${event.data.status})`]);
}

/** `--header "webhook-id: msg_…"` flags, curl style. */
function parseHeaders(flags: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    flags.map((flag) => {
      const colon = flag.indexOf(":");
      if (colon <= 0) throw new UsageError(`--header must be "name: value", got ${JSON.stringify(flag)}.`);
      return [flag.slice(0, colon).trim(), flag.slice(colon + 1).trim()];
    }),
  );
}

function parseDelivery(input: Buffer): Delivery {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const { headers, body } = (parsed ?? {}) as Partial<Delivery>;
  if (typeof body !== "string" || typeof headers !== "object" || headers === null) {
    throw new UsageError(
      'stdin must be {"headers": {"webhook-id": …}, "body": "<raw body as a string>"}, or pass the headers ' +
        "with --header and the raw body on stdin.",
    );
  }
  return { headers, body };
}
