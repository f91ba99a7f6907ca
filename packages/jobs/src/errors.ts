// The journal's own refusals: each says what happened and what to do.

/** A stored key is older than the server keeps keys: sending it again could bill a second time. */
export class IdempotencyWindowError extends Error {
  override name = "IdempotencyWindowError";
  constructor(id: string, keyCreatedAt: number, windowMs: number) {
    super(
      `Item "${id}": its idempotency key was written ${new Date(keyCreatedAt).toISOString()}, more than ` +
        `${windowMs / 3_600_000} h ago, past the server's idempotency window. Sending it again could ` +
        "start (and bill) a second generation, so it was not sent. To generate it anyway, run again with " +
        "renewExpiredKeys (CLI: --renew-expired-keys).",
    );
  }
}

/** A line's request changed since its key was stored: the server would refuse the key with the new body. */
export class RequestChangedError extends Error {
  override name = "RequestChangedError";
  constructor(id: string) {
    super(
      `Item "${id}": the request on this line differs from the one its key was stored with. Give the ` +
        "changed line a new id (or use another --out) so it gets a key of its own.",
    );
  }
}

/** A file the batch would write is already there and is not one the batch wrote. */
export class OutputExistsError extends Error {
  override name = "OutputExistsError";
  constructor(path: string) {
    super(`${path} already exists and was not written by this batch: move it away or choose another output folder.`);
  }
}
