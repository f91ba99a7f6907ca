// The journal's promises one at a time, against a sandbox: the window it states and refuses to
// reach past, a result whose URL has expired, files that verify, and a line that changed.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type BatchItem,
  idempotencyWindowMs,
  type JobRecord,
  type Journal,
  openSqliteJournal,
  runItem,
} from "@seedance/jobs";
import { SeedanceClient } from "@seedance/node";
import { type Sandbox, startSandbox } from "@seedance/sandbox";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

let sandbox: Sandbox;
let dir: string;
let journal: Journal;
let client: SeedanceClient;
const HOUR = 3_600_000;

beforeAll(async () => {
  sandbox = await startSandbox({ taskSeconds: 0.3 });
  client = new SeedanceClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
});
afterAll(() => sandbox?.stop());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "seedance-jobs-runner-"));
  journal = openSqliteJournal(join(dir, "journal.sqlite"));
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const made = (prompt: string) => sandbox.stats().generations.filter((each) => each.prompt === prompt).length;
const image = (id: string): BatchItem => ({
  id,
  kind: "image",
  body: { prompt: `runner ${id}`, model: "seedream-3.0" },
});
const video = (id: string): BatchItem => ({
  id,
  kind: "video",
  body: { prompt: `runner ${id}`, model: "seedance-1.0", duration: 5 },
});
const keyed = (item: BatchItem, keyCreatedAt: number): JobRecord => ({
  ...item,
  state: "keyed",
  idempotencyKey: `key-${item.id}-${keyCreatedAt}`,
  keyCreatedAt,
  files: [],
  attempts: 1,
  updatedAt: keyCreatedAt,
});

describe("the idempotency window", () => {
  it("is the spec's: 24 hours, read from the Idempotency-Key header's description", () => {
    expect(idempotencyWindowMs()).toBe(24 * HOUR);
    const spec = (description: string) => ({ components: { parameters: { IdempotencyKey: { description } } } });
    expect(idempotencyWindowMs(spec("a repeated key within 48 hours returns…"))).toBe(48 * HOUR);
    expect(() => idempotencyWindowMs(spec("kept for a while"))).toThrow(
      /no longer says how long an Idempotency-Key is kept/,
    );
  });

  it("refuses to send a key older than the window, sending nothing; renewExpiredKeys sends it with a new key", async () => {
    const item = image("stale");
    await journal.put(keyed(item, Date.now() - 25 * HOUR));
    const requests = sandbox.stats().requests;
    const refused = await runItem(item, { client, journal, outDir: dir });
    expect(refused.state).toBe("failed");
    expect(refused.lastError).toMatch(/more than 24 h ago, past the server's idempotency window/);
    expect(refused.lastError).toContain("--renew-expired-keys");
    expect(sandbox.stats().requests).toBe(requests);
    const renewed = await runItem(item, { client, journal, outDir: dir, renewExpiredKeys: true });
    expect(renewed.state).toBe("done");
    expect(renewed.idempotencyKey).not.toBe(`key-stale-${refused.keyCreatedAt}`);
    expect(made("runner stale")).toBe(1);
  });

  it("sends a key within the window again, and the server answers with the first generation", async () => {
    const item = image("fresh");
    const first = await runItem(item, { client, journal, outDir: dir });
    // As after a crash between the answer and recording it: the key is there, the files are not.
    await journal.put({ ...first, state: "keyed", files: [] });
    await rm(join(dir, "fresh.png"));
    const again = await runItem(item, { client, journal, outDir: dir, now: () => Date.now() + 23 * HOUR });
    expect(again.state).toBe("done");
    expect(again.files[0]?.sha256).toBe(first.files[0]?.sha256);
    expect(made("runner fresh")).toBe(1);
  });
});

describe("resuming", () => {
  it("fetches a video's result again when its recorded URL has expired, then downloads it", async () => {
    const item = video("expired");
    const done = await runItem(item, { client, journal, outDir: dir });
    expect(done.state).toBe("done");
    const [file] = done.files;
    // The URL recorded before the crash no longer serves (404), and the file never arrived.
    const expired = `${new URL(file?.url ?? "").origin}/media/videos/expired-long-ago.mp4`;
    await journal.put({ ...done, state: "downloading", files: [{ url: expired, path: file?.path ?? "" }] });
    await rm(join(dir, file?.path ?? ""));
    const resumed = await runItem(item, { client, journal, outDir: dir });
    expect(resumed.state, resumed.lastError).toBe("done");
    expect(resumed.files[0]).toMatchObject({ url: file?.url, sha256: file?.sha256 });
    expect(made("runner expired")).toBe(1);
  });

  it("leaves an item whose files verify alone, and downloads again one whose file changed", async () => {
    const item = image("verify");
    const done = await runItem(item, { client, journal, outDir: dir });
    const requests = sandbox.stats().requests;
    expect((await runItem(item, { client, journal, outDir: dir })).state).toBe("done");
    expect(sandbox.stats().requests).toBe(requests);
    await writeFile(join(dir, "verify.png"), "tampered");
    const repaired = await runItem(item, { client, journal, outDir: dir });
    expect(repaired.files[0]?.sha256).toBe(done.files[0]?.sha256);
    expect(made("runner verify")).toBe(1);
  });

  it("never replaces a file that is not the batch's own", async () => {
    const item = image("theirs");
    await writeFile(join(dir, "theirs.png"), "the user's own file");
    const refused = await runItem(item, { client, journal, outDir: dir });
    expect(refused.state).toBe("failed");
    expect(refused.lastError).toContain("already exists and was not written by this batch");
  });

  it("refuses a line whose request changed since its key was stored", async () => {
    await runItem(image("changed"), { client, journal, outDir: dir });
    const changed = { ...image("changed"), body: { prompt: "something else", model: "seedream-3.0" } };
    const refused = await runItem(changed, { client, journal, outDir: dir });
    expect(refused.state).toBe("failed");
    expect(refused.lastError).toContain("differs from the one its key was stored with");
  });
});
