// HMAC-SHA256 behind one small interface: Web Crypto by default (every runtime has it); a runtime
// package may supply a faster one, e.g. Node's synchronous node:crypto, which skips Web Crypto's
// thread-pool round trip per delivery.

/** Computes HMAC-SHA256 of `content` with one key. */
export type Hmac = (content: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Prepares an `Hmac` for the key bytes of one secret (called once per secret per verifier). */
export type HmacFactory = (key: Uint8Array<ArrayBuffer>) => Hmac | Promise<Hmac>;

export const webCryptoHmac: HmacFactory = async (key) => {
  const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return async (content) => new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, content as BufferSource));
};
