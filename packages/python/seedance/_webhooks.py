"""Webhook signatures, per the Standard Webhooks scheme (https://www.standardwebhooks.com/).

``webhook-signature`` holds space-separated ``v1,<base64>`` entries, each the base64 HMAC-SHA256 of
``"{webhook-id}.{webhook-timestamp}.{raw body}"`` keyed with the base64-decoded part of the endpoint
secret ``whsec_<base64>``. A message is accepted when any ``v1`` entry matches any of the secrets
(rotation), compared in constant time, and its timestamp is within ``tolerance`` seconds of now.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from ._errors import WebhookVerificationError

__all__ = ["sign_webhook", "verify_webhook"]

SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix, not a secret)
DEFAULT_TOLERANCE = 300


def _secret_key(secret: str | bytes) -> bytes:
    if isinstance(secret, bytes):
        return secret
    raw = secret[len(SECRET_PREFIX) :] if secret.startswith(SECRET_PREFIX) else secret
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise WebhookVerificationError("Webhook secret is not valid base64 (expected whsec_<base64>)") from None


def _signature(key: bytes, msg_id: str, timestamp: str, body: bytes) -> bytes:
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    return hmac.new(key, signed, hashlib.sha256).digest()


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    raise WebhookVerificationError(f"Missing {name} header")


def verify_webhook(
    body: str | bytes,
    headers: Mapping[str, str],
    secret_or_secrets: str | bytes | Sequence[str | bytes],
    tolerance: float = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
) -> Any:
    """Verifies a webhook delivery and returns its parsed JSON payload.

    ``body`` must be the raw request body, exactly as received. ``secret_or_secrets`` is one
    ``whsec_…`` secret or several (during a rotation). Raises ``WebhookVerificationError``.
    """
    raw = body.encode() if isinstance(body, str) else bytes(body)
    msg_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp").strip()
    signatures = _header(headers, "webhook-signature")

    if not timestamp.isdigit():
        raise WebhookVerificationError("Invalid webhook-timestamp header")
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > tolerance:
        raise WebhookVerificationError("Webhook timestamp is outside the tolerance (too old or too new)")

    secrets = [secret_or_secrets] if isinstance(secret_or_secrets, (str, bytes)) else list(secret_or_secrets)
    if not secrets:
        raise WebhookVerificationError("No webhook secret given")
    expected = [_signature(_secret_key(secret), msg_id, timestamp, raw) for secret in secrets]

    matched = False
    for entry in signatures.split():
        version, _, value = entry.partition(",")
        if version != "v1":
            continue
        try:
            candidate = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            continue
        for signature in expected:
            matched |= hmac.compare_digest(candidate, signature)
    if not matched:
        raise WebhookVerificationError("No matching webhook signature")
    try:
        return json.loads(raw)
    except ValueError:
        raise WebhookVerificationError("Webhook body is not valid JSON") from None


def sign_webhook(
    body: str | bytes,
    secret: str | bytes,
    *,
    msg_id: str | None = None,
    timestamp: int | None = None,
) -> dict[str, str]:
    """The Standard Webhooks headers for a delivery of ``body`` (for tests and local simulators)."""
    raw = body.encode() if isinstance(body, str) else bytes(body)
    msg_id = msg_id or f"msg_{uuid.uuid4().hex}"
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = base64.b64encode(_signature(_secret_key(secret), msg_id, ts, raw)).decode()
    return {"webhook-id": msg_id, "webhook-timestamp": ts, "webhook-signature": f"v1,{signature}"}
