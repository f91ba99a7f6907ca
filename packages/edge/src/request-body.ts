// A generate request's body on its way through the proxy: read within the size cap, checked against
// the spec, then the policy applied to the checked values, webhook_url set, and the caller's quota
// counted. What is forwarded is the checked object re-serialised, so the API reads exactly the values
// that were checked (no duplicate keys, no bytes the check did not see).
import { type OperationId, ValidationError, validateOperationRequest } from "@seedance/core";
import {
  errorResponse,
  type ProxyPolicy,
  policyViolation,
  quotaRefusal,
  resolveWebhookUrl,
  validationResponse,
} from "./policy.js";
import type { QuotaStore } from "./quota.js";
import { readLimitedBody } from "./webhooks/body.js";

export interface BodyContext {
  policy: ProxyPolicy;
  /** The caller `authorize` named. */
  user: string | undefined;
  maxBodyBytes: number;
  /** Milliseconds the body may take to arrive. */
  readTimeout: number;
  quotaStore: QuotaStore | undefined;
}

export interface PreparedBody {
  json: string;
  idempotencyKey: string | undefined;
}

type Body = Record<string, unknown>;

/** The body to forward, or the response that refuses the request. */
export async function prepareBody(
  request: Request,
  operationId: OperationId,
  context: BodyContext,
): Promise<PreparedBody | Response> {
  const { policy, user } = context;
  const bytes = await readLimitedBody(request, context.maxBodyBytes, context.readTimeout);
  if (bytes === 413) {
    return errorResponse(
      413,
      "INVALID_REQUEST",
      `The request body is larger than this proxy forwards (${context.maxBodyBytes} bytes).`,
    );
  }
  if (bytes === 408) {
    return errorResponse(408, "INVALID_REQUEST", `The request body did not arrive within ${context.readTimeout} ms.`);
  }
  const parsed = parseJson(bytes);
  if (parsed === undefined) return errorResponse(400, "INVALID_REQUEST", "The request body must be JSON in UTF-8.");

  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  const headers = idempotencyKey === undefined ? undefined : { "Idempotency-Key": idempotencyKey };
  const invalid = await validate(operationId, parsed, headers);
  if (invalid) return validationResponse(invalid);
  const body = parsed as Body;

  const requested = typeof body.webhook_url === "string" ? body.webhook_url : undefined;
  const webhookUrl = await resolveWebhookUrl(policy, request, { user, requested });
  if (webhookUrl instanceof Response) return webhookUrl;
  if (webhookUrl !== requested) {
    if (webhookUrl === undefined) delete body.webhook_url;
    else body.webhook_url = webhookUrl;
    const rejected = await validate(operationId, body, headers);
    // An operation whose body has no webhook_url sends none; any other rejection is the app's setting at fault.
    if (rejected?.details.constraint === "additional_properties") delete body.webhook_url;
    else if (rejected) {
      return errorResponse(500, "INTERNAL_ERROR", "policy.webhookUrl gave a webhook_url the API does not accept.");
    }
  }

  const violation = policyViolation(policy, body);
  if (violation) return errorResponse(403, "FORBIDDEN", violation);

  const overQuota = policy.quota && context.quotaStore && (await quotaRefusal(policy.quota, context.quotaStore, user));
  if (overQuota) return overQuota;
  return { json: JSON.stringify(body), idempotencyKey };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

async function validate(operationId: OperationId, body: unknown, headers: Record<string, string> | undefined) {
  try {
    await validateOperationRequest(operationId, { body, headers });
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}
