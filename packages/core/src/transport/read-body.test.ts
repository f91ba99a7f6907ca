import { describe, expect, it } from "vitest";
import { readAtMost } from "./read-body.js";

/** A stream of `count` chunks of `size` bytes (or without end), recording whether it was cancelled. */
function chunks(size: number, count = Number.POSITIVE_INFINITY) {
  const state = { cancelled: false, pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled++ >= count) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(state.pulled));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("readAtMost", () => {
  it("reads a stream within the limit whole, in order", async () => {
    const { stream } = chunks(3, 4);
    expect(Array.from((await readAtMost(stream, 12)) ?? [])).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(await readAtMost(null, 0)).toEqual(new Uint8Array());
  });

  it("gives undefined one chunk past the limit, and cancels the stream (so its connection closes)", async () => {
    const { stream, state } = chunks(1024);
    expect(await readAtMost(stream, 10_000)).toBeUndefined();
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(16);
  });

  it("cancels the stream and rejects with the signal's reason when it aborts", async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new Uint8Array(1)) });
    const deadline = new AbortController();
    setTimeout(() => deadline.abort(new Error("read deadline")), 20);
    await expect(readAtMost(stalled, 100, deadline.signal)).rejects.toThrow("read deadline");
    await expect(readAtMost(chunks(1, 1).stream, 100, deadline.signal)).rejects.toThrow("read deadline");
  });
});
