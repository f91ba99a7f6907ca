// Standard Webhooks signing and verification on Web Crypto, for every runtime.
export { WebhookVerificationError, type WebhookVerificationReason } from "./errors.js";
export type { WebhookEvent, WebhookEventType } from "./events.js";
export type { WebhookHeaders } from "./headers.js";
export { type Hmac, type HmacFactory, webCryptoHmac } from "./hmac.js";
export { generateWebhookSecret, type WebhookSecrets } from "./secret.js";
export { type SignedWebhook, type SignWebhookOptions, signWebhook } from "./sign.js";
export type { WebhookBody } from "./signature.js";
export {
  createWebhookVerifier,
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookRequest,
  type WebhookVerifier,
} from "./verify.js";
