import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./encoding.js";
import { parseSignatureHeader, timingSafeEqual } from "./signature.js";

const mac = toBase64(new Uint8Array(32).fill(7));

describe("signature header parsing", () => {
  it("keeps every v1 entry, skipping other versions and extra spaces", () => {
    expect(parseSignatureHeader(`v2,xyz  v1,${mac} v1a,${mac} v1,${mac}`)).toEqual([
      new Uint8Array(32).fill(7),
      new Uint8Array(32).fill(7),
    ]);
  });

  it("skips a malformed entry when a usable one remains", () => {
    expect(parseSignatureHeader(`garbage v1,short v1,${mac}`)).toHaveLength(1);
  });

  it("refuses a non-canonical encoding that decodes to the same MAC", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const spareBitsSet = alphabet[alphabet.indexOf(mac.charAt(42)) + 1];
    const header = `v1,${mac.slice(0, 42)}${spareBitsSet}=`;
    expect(fromBase64(header.slice(3))).toEqual(fromBase64(mac));
    expect(() => parseSignatureHeader(header)).toThrow(expect.objectContaining({ reason: "malformed_signature" }));
  });

  it.each([
    ["v1,short", "malformed_signature"],
    [`v1,${mac.slice(0, -1)}A`, "malformed_signature"],
    [`,${mac}`, "malformed_signature"],
    [`v2,${mac}`, "no_matching_signature"],
  ])("rejects %s as %s", (header, reason) => {
    expect(() => parseSignatureHeader(header)).toThrow(expect.objectContaining({ reason }));
  });
});

describe("encoding", () => {
  it("round-trips base64 exactly like Node's Buffer (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = toBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
        expect(fromBase64(encoded)).toEqual(bytes);
      }),
    );
  });

  it("refuses base64 that is not padded and canonical in form", () => {
    for (const text of ["AQI", "AQ ID", "AQ==AQ==", "A===", "-_8="]) expect(fromBase64(text)).toBeUndefined();
  });
});

describe("timingSafeEqual", () => {
  it("is byte equality (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        expect(timingSafeEqual(a, b)).toBe(Buffer.compare(a, b) === 0);
        expect(timingSafeEqual(a, a.slice())).toBe(true);
      }),
    );
  });
});
