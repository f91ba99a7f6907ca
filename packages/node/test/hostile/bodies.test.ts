// Bodies a hostile or broken API answers with. Each call runs in a child process, which must exit 0
// with the typed error in the caller's catch and a peak memory within 100 MB of a child that got a
// normal answer; the server shows the client stopped reading long before the body's end.
import {
  drippingBody,
  gzipBomb,
  largeBody,
  pushed,
  scriptedServerPool,
  sendJson,
  startScriptedServer,
} from "@seedance/testkit";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BUILDS, callInChild } from "./builds.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** The default maxResponseBytes. */
const LIMIT = 8 * MiB;
const RSS_MARGIN_KB = 100 * 1024;
/** Far below any of the bodies, above what the limit, socket buffers and one chunk in flight add up to. */
const STOPPED_EARLY = 64 * MiB;

const { serve, stopAll } = scriptedServerPool();
afterEach(stopAll);

const queued = { status: "success", data: { task_id: "task-1", status: "queued", progress: 0 } };

describe.each(BUILDS)("the $name, in a child process", ({ build }) => {
  let baselineKb = 0;
  beforeAll(async () => {
    const server = await startScriptedServer((_, response) => sendJson(response, 200, queued));
    try {
      const outcome = await callInChild(build, server.url);
      expect(outcome.caught).toBe("UnexpectedResponseError"); // the stub omits fields the spec requires
      baselineKb = outcome.maxRssKb;
    } finally {
      await server.stop();
    }
  });

  const withinMemory = (maxRssKb: number) => expect(maxRssKb - baselineKb).toBeLessThan(RSS_MARGIN_KB);

  it("a 600 MB 200 body fails in the caller's catch with ResponseTooLargeError, not as an uncaught exception in the transport's 'end' listener", async () => {
    const counter = pushed();
    const server = await serve(largeBody(counter, { total: 600 * MiB })); // chunked: no length to check first
    const outcome = await callInChild(build, server.url);
    expect(outcome).toMatchObject({ caught: "ResponseTooLargeError", limit: LIMIT, status: 200 });
    expect(outcome.message).toMatch(/maxResponseBytes/);
    withinMemory(outcome.maxRssKb);
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
    expect(counter.bytes).toBeLessThan(STOPPED_EARLY);
  });

  it("a 2 GiB body (announced in Content-Length) fails at once with ResponseTooLargeError, never reaching a SIGTRAP", async () => {
    const counter = pushed();
    const server = await serve(largeBody(counter, { total: 2 * GiB, announce: 2 * GiB }));
    const outcome = await callInChild(build, server.url);
    expect(outcome).toMatchObject({ caught: "ResponseTooLargeError", limit: LIMIT, status: 200 });
    withinMemory(outcome.maxRssKb);
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
    expect(counter.bytes).toBeLessThan(STOPPED_EARLY);
  });

  it("an endless body fails at the size limit, not at the call's deadline", async () => {
    const counter = pushed();
    const server = await serve(largeBody(counter, { total: Number.POSITIVE_INFINITY }));
    const outcome = await callInChild(build, server.url, { timeout: 10_000 });
    expect(outcome).toMatchObject({ caught: "ResponseTooLargeError", limit: LIMIT });
    withinMemory(outcome.maxRssKb);
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
  });

  it("a gzip bomb (1 MiB on the wire, 1 GiB inflated) is never inflated past the limit", async () => {
    const counter = pushed();
    const server = await serve(gzipBomb(counter, GiB));
    const outcome = await callInChild(build, server.url);
    // fetch asks for compression and inflates it, counted against the limit; node:http asks for none
    // and inflates nothing, so the compressed bytes are simply not JSON.
    expect(outcome.caught).toBe(build === "fetch" ? "ResponseTooLargeError" : "UnexpectedResponseError");
    withinMemory(outcome.maxRssKb);
  });

  it("a body dripped a byte at a time ends at the call's deadline with APITimeoutError", async () => {
    const counter = pushed();
    const server = await serve(drippingBody(counter, 100));
    const outcome = await callInChild(build, server.url, { timeout: 1000 });
    expect(outcome.caught).toBe("APITimeoutError");
    expect(outcome.ms).toBeLessThan(5000);
    await vi.waitFor(() => expect(counter.cutByClient).toBe(true));
  });

  it("takes its limit from maxResponseBytes", async () => {
    const server = await serve(largeBody(pushed(), { total: 12 * MiB, announce: 12 * MiB }));
    expect(await callInChild(build, server.url, { maxResponseBytes: 16 * MiB })).toMatchObject({
      caught: "UnexpectedResponseError", // read whole: 12 MiB of spaces is not JSON
    });
    expect(await callInChild(build, server.url, { maxResponseBytes: 4 * MiB })).toMatchObject({
      caught: "ResponseTooLargeError",
      limit: 4 * MiB,
    });
  });
});
