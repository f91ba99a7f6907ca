import { describe, expect, it } from "vitest";
import { createMemoryWebhookIdStore } from "../../src/index.js";

describe("createMemoryWebhookIdStore", () => {
  it("claims an id once until its TTL has passed", () => {
    let time = 0;
    const store = createMemoryWebhookIdStore({ now: () => time });
    expect(store.claim("a", 10)).toBe(true);
    expect(store.claim("a", 10)).toBe(false);
    time = 9_999;
    expect(store.claim("a", 10)).toBe(false);
    time = 10_000;
    expect(store.claim("a", 10)).toBe(true);
  });

  it("lets a released id be claimed again", () => {
    const store = createMemoryWebhookIdStore();
    expect(store.claim("a", 60)).toBe(true);
    store.release("a");
    expect(store.claim("a", 60)).toBe(true);
  });

  it("keeps at most maxEntries ids, dropping the oldest", () => {
    const store = createMemoryWebhookIdStore({ maxEntries: 3 });
    for (const id of ["a", "b", "c", "d"]) expect(store.claim(id, 60)).toBe(true);
    expect(store.claim("b", 60)).toBe(false);
    expect(store.claim("d", 60)).toBe(false);
    expect(store.claim("a", 60)).toBe(true);
  });

  it("drops expired ids as it goes, so memory follows the traffic", () => {
    let time = 0;
    const store = createMemoryWebhookIdStore({ maxEntries: 2, now: () => time });
    store.claim("a", 1);
    time = 5_000;
    store.claim("b", 1);
    store.claim("c", 1);
    // "a" expired and went first, so "b" was kept within the bound.
    expect(store.claim("b", 1)).toBe(false);
  });
});
