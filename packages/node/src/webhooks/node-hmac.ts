// Webhook verification with node:crypto's HMAC: synchronous, so a delivery costs no Web Crypto
// thread-pool round trip (several times the throughput of one-at-a-time deliveries). The Node
// package's verifiers and handlers default to it; everything else is core's and edge's.
// node:crypto is looked up when a key is first used, not at import.
import * as edge from "@seedance/edge";

export const nodeHmac: edge.HmacFactory = (key) => {
  const { createHmac, createSecretKey } = process.getBuiltinModule("node:crypto");
  // A KeyObject made once: passing raw bytes makes node:crypto build one per call (5× the cost).
  const keyObject = createSecretKey(key);
  return (content) => createHmac("sha256", keyObject).update(content).digest();
};

const withNodeHmac = <T extends { hmac?: edge.HmacFactory }>(options?: T): T => ({ hmac: nodeHmac, ...options }) as T;

export const createWebhookVerifier: typeof edge.createWebhookVerifier = (secrets, options) =>
  edge.createWebhookVerifier(secrets, withNodeHmac(options));

export const verifyWebhook: typeof edge.verifyWebhook = (rawBody, headers, secrets, options) =>
  edge.verifyWebhook(rawBody, headers, secrets, withNodeHmac(options));

export const verifyWebhookRequest: typeof edge.verifyWebhookRequest = (request, secrets, options) =>
  edge.verifyWebhookRequest(request, secrets, withNodeHmac(options));

export const createWebhookHandler: typeof edge.createWebhookHandler = (options) =>
  edge.createWebhookHandler(withNodeHmac(options));
