"""Schemathesis hook: a fresh Idempotency-Key for every request that sends a valid one.

The spec asks clients for a fresh key per logical request, and the sandbox refuses a key reused with
another body (400), as the IETF Idempotency-Key draft does. Schemathesis would send the spec's
example key, or generated keys that repeat (hypothesis favours short strings), with many different
bodies. Keys of an invalid length are left as generated, so its negative cases still reach the
sandbox; a key reused on purpose is tested in src/api-language.test.ts.
"""

import uuid

import schemathesis

HEADER = "Idempotency-Key"


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    key = (case.headers or {}).get(HEADER)
    if isinstance(key, str) and 1 <= len(key) <= 255:
        case.headers[HEADER] = str(uuid.uuid4())
