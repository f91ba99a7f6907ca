"""Server-controlled text (an error message, ``details``, a body excerpt, a ``Location``, a task's
``error_message``) on its way to an error, a log record or a terminal: the API key is redacted in every
form the SDK sends it, and characters that steer a terminal are removed.

The same function as the TypeScript core's ``sanitizeServerText`` (packages/core/src/sanitize.ts):
the same characters, the same key forms, the same ``[redacted]``.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["REDACTED", "sanitize_server_text", "sanitize_value"]

# C0 controls except tab and newline, DEL, C1 controls (ESC and CSI start OSC/CSI sequences), and the
# bidirectional overrides that make text display in another order than it reads.
_CONTROLS = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ALL_CONTROLS = re.compile("[\u0000-\u001f\u007f-\u009f]")

REDACTED = "[redacted]"


def sanitize_server_text(text: str, api_key: str | None = None) -> str:
    """``text`` with ``api_key`` replaced by ``[redacted]`` (as sent, and with control characters such
    as CR/LF stripped, as a server or a runtime may echo it) and terminal control characters removed."""
    clean = _CONTROLS.sub("", text)
    if api_key:
        # Longest form first, so that a shorter form never splits a longer one's match.
        forms = {api_key, _CONTROLS.sub("", api_key), _ALL_CONTROLS.sub("", api_key)}
        for form in sorted(forms, key=len, reverse=True):
            if form:
                clean = clean.replace(form, REDACTED)
    return clean


def sanitize_value(value: Any, api_key: str | None = None) -> Any:
    """A JSON value (e.g. an error's ``details``) with every string in it, keys included, sanitized."""
    if isinstance(value, str):
        return sanitize_server_text(value, api_key)
    if isinstance(value, dict):
        return {sanitize_server_text(str(k), api_key): sanitize_value(v, api_key) for k, v in value.items()}
    if isinstance(value, list):
        return [sanitize_value(item, api_key) for item in value]
    return value
