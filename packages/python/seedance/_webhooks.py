"""Webhook signatures, per the Standard Webhooks scheme (https://www.standardwebhooks.com/).

``webhook-signature`` holds space-separated ``v1,<base64>`` entries, each the base64 HMAC-SHA256 of
``"{webhook-id}.{webhook-timestamp}.{raw body}"`` keyed with the base64-decoded part of the endpoint
secret ``whsec_<base64>`` (padded or not, as the reference ``standardwebhooks`` package accepts it).
A message is accepted when any ``v1`` entry matches any of the secrets (rotation), compared in
constant time, and its timestamp is within ``tolerance`` seconds of now.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets as _secrets
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from ._errors import WebhookVerificationError

__all__ = ["generate_webhook_secret", "sign_webhook", "verify_webhook"]

SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix, not a secret)
DEFAULT_TOLERANCE = 300
# Generous bounds (a real signature header is ~50 characters per secret) that keep hostile input cheap.
MAX_HEADER_LENGTH = {"webhook-id": 256, "webhook-timestamp": 32, "webhook-signature": 4096}
# Standard base64, its padding optional (a secret copied without its trailing "=" still works).
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _invalid_secret(problem: str) -> WebhookVerificationError:
    return WebhookVerificationError(
        f"The webhook secret {problem}. Pass the endpoint's signing secret exactly as shown in the dashboard "
        f'("{SECRET_PREFIX}" followed by base64), e.g. from an environment variable.',
        "invalid_secret",
    )


def _secret_key(secret: str | bytes) -> bytes:
    if isinstance(secret, bytes):
        if not secret:
            raise _invalid_secret("is empty")
        return secret
    if not isinstance(secret, str):
        raise _invalid_secret(f"is a {type(secret).__name__}")
    raw = secret[len(SECRET_PREFIX) :] if secret.startswith(SECRET_PREFIX) else secret
    digits = raw.rstrip("=")
    if not _BASE64.fullmatch(raw) or len(digits) % 4 == 1:
        raise _invalid_secret("is not valid base64 (check for stray whitespace, quotes or a truncated value)")
    try:
        key = base64.b64decode(digits + "=" * (-len(digits) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise _invalid_secret("is not valid base64") from None
    if not key:
        raise _invalid_secret("is empty")
    return key


def generate_webhook_secret() -> str:
    """A new random endpoint secret (32 bytes), formatted ``whsec_<base64>``."""
    return SECRET_PREFIX + base64.b64encode(_secrets.token_bytes(32)).decode()


def _signature(key: bytes, msg_id: str, timestamp: str, body: bytes) -> bytes:
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    return hmac.new(key, signed, hashlib.sha256).digest()


def _header(headers: Mapping[str, str], name: str) -> str:
    value = next((value for key, value in headers.items() if key.lower() == name), None)
    if not value:
        raise WebhookVerificationError(
            f"The request has no {name} header. Seedance webhooks carry webhook-id, webhook-timestamp and "
            "webhook-signature: check that only Seedance posts to this endpoint and that no proxy strips headers.",
            "missing_header",
        )
    if len(value) > MAX_HEADER_LENGTH[name]:
        raise WebhookVerificationError(
            f"The {name} header is {len(value)} characters long, over the {MAX_HEADER_LENGTH[name]} accepted.",
            "header_too_large",
        )
    return value


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

    if not timestamp.isascii() or not timestamp.isdigit():
        raise WebhookVerificationError(
            "Invalid webhook-timestamp header: not unix seconds (digits only).", "malformed_timestamp"
        )
    current = time.time() if now is None else now
    age = int(current) - int(timestamp)
    if age > tolerance:
        raise WebhookVerificationError(
            f"Webhook timestamp is outside the tolerance: signed {age} s ago, more than {tolerance:g} s; "
            "it may be a replay.",
            "timestamp_too_old",
        )
    if -age > tolerance:
        raise WebhookVerificationError(
            f"Webhook timestamp is outside the tolerance: dated {-age} s in the future; check the clock (NTP).",
            "timestamp_too_new",
        )

    expected = [_signature(key, msg_id, timestamp, raw) for key in _keys(secret_or_secrets)]

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
        raise WebhookVerificationError(
            "No matching webhook signature: check that the secret is this endpoint's, and that you verify "
            "the raw body exactly as received, not JSON that was parsed and serialized again.",
            "no_matching_signature",
        )
    try:
        return json.loads(raw)
    except ValueError:
        raise WebhookVerificationError("Webhook body is not valid JSON", "invalid_json") from None


def _keys(secret_or_secrets: str | bytes | Sequence[str | bytes]) -> list[bytes]:
    """The key bytes of one secret or several (a rotation); a bad one fails before any HMAC."""
    secrets = [secret_or_secrets] if isinstance(secret_or_secrets, (str, bytes)) else list(secret_or_secrets)
    if not secrets:
        raise _invalid_secret("list is empty")
    return [_secret_key(secret) for secret in secrets]


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
