"""Checks requests (and, leniently, responses) against the spec's rules before anything is sent.

The rules are data generated from the spec (seedance/_spec_checks.py, by @seedance/codegen, the same
compiler as the TypeScript client's), so every limit comes from the spec; this module is the one
checker that reads them. A rejected request raises a ``ValidationError`` whose ``details`` are the
server's 400 ``error.details``: ``field``, ``value``, ``constraint`` and ``limit``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ._errors import ValidationError
from ._spec_checks import OPERATIONS, PATTERNS, Operation, Rule

__all__ = ["Issue", "OperationId", "check", "check_request", "operation", "validate_operation_request"]

OperationId = str
"""An operationId of the spec: ``generateImage``, ``generateVideo``, ``getTaskStatus``, ``getTaskResult``."""

_ABSENT: Any = object()


@dataclass(frozen=True)
class Issue:
    """The first way an input breaks the spec, in the terms of the server's 400 ``error.details``."""

    field: str
    """The offending field, dotted (``prompt``, ``task_id``); ``""`` for the body itself."""
    value: Any
    constraint: str
    limit: Any = None


def _json_type(value: Any, kind: str) -> bool:
    """Whether a Python value is of a JSON Schema type, as ``json.dumps`` will write it."""
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "null":
        return value is None
    if kind == "object":
        return isinstance(value, Mapping)
    if kind == "array":
        return isinstance(value, (list, tuple))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False  # json.dumps would write NaN or Infinity, which are not JSON
    # JSON Schema: an integer is a number without a fractional part (5.0 is one, as JavaScript says).
    return kind == "number" or (kind == "integer" and float(value).is_integer())


def _same(value: Any, allowed: Any) -> bool:
    """JSON equality: ``True`` is not ``1``, ``"24"`` is not ``24``, ``24.0`` is ``24``."""
    if isinstance(value, bool) or isinstance(allowed, bool):
        return type(value) is type(allowed) and value == allowed
    if isinstance(value, str) or isinstance(allowed, str):
        return isinstance(value, str) and isinstance(allowed, str) and value == allowed
    return bool(value == allowed)


@lru_cache(maxsize=64)
def _pattern(pattern: str) -> re.Pattern[str]:
    # The spec's pattern as the generator translated it, with ASCII classes as JavaScript's u flag has them.
    return re.compile(PATTERNS.get(pattern, pattern), re.ASCII)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*\Z")
_SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp", "file"})


def _is_uri(value: str) -> bool:
    """An absolute URI: a scheme, then (for web schemes) a host; no spaces or control characters."""
    if not value or any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (validates the port)
    except ValueError:
        return False
    if not parts.scheme or not _SCHEME.match(parts.scheme) or ":" not in value:
        return False
    return parts.scheme.lower() not in _SPECIAL_SCHEMES - {"file"} or bool(parts.hostname)


_FORMATS: dict[str, Callable[[str], bool]] = {"uri": _is_uri}

_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "type": _json_type,
    "enum": lambda v, values: any(_same(v, allowed) for allowed in values),
    "min_length": lambda v, limit: len(v) >= limit,  # code points, as JSON Schema counts
    "max_length": lambda v, limit: len(v) <= limit,
    "regex": lambda v, pattern: _pattern(pattern).search(v) is not None,
    "format": lambda v, name: _FORMATS[name](v),
    "minimum": lambda v, limit: v >= limit,
    "maximum": lambda v, limit: v <= limit,
}


def _at(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def check(rule: Rule, value: Any, field: str = "") -> Issue | None:
    """The first way ``value`` (at ``field``) breaks ``rule``, or ``None``."""
    # The constraints come first in a rule, in the order the server checks them (type first).
    for constraint, limit in rule.items():
        test = _TESTS.get(constraint)
        if test is not None and not test(value, limit):
            return Issue(field, value, constraint, limit)
    properties: dict[str, Rule] | None = rule.get("properties")
    if properties is not None:
        required = rule.get("required", ())
        for key, child in properties.items():
            item = value.get(key, _ABSENT)
            if item is _ABSENT:
                if key in required:
                    return Issue(_at(field, key), None, "required")
                continue
            issue = check(child, item, _at(field, key))
            if issue:
                return issue
    if rule.get("additional_properties") is False:
        for key, item in value.items():
            if properties is None or key not in properties:
                return Issue(_at(field, str(key)), item, "additional_properties")
    items: Rule | None = rule.get("items")
    if items is not None:
        for index, item in enumerate(value):
            issue = check(items, item, _at(field, str(index)))
            if issue:
                return issue
    return None


# What each constraint expects, `#` standing for its limit (the TypeScript client's words).
_EXPECTED = {
    "type": "a value of type #",
    "enum": "one of #",
    "min_length": "at least # characters",
    "max_length": "at most # characters",
    "minimum": "at least #",
    "maximum": "at most #",
    "regex": "a match of /#/",
    "format": "a valid #",
}


def to_validation_error(issue: Issue) -> ValidationError:
    field = issue.field or "body"
    limit = issue.limit
    if issue.constraint == "required":
        message = f"{field} is required."
    else:
        shown = ", ".join(str(item) for item in limit) if isinstance(limit, list) else str(limit)
        expected = _EXPECTED.get(issue.constraint)
        what = f"Invalid {field}: expected {expected.replace('#', shown)}" if expected else f"Unknown field {field}"
        message = f"{what}. The request was not sent; fix the value, or pass validate=False to let the server decide."
    details: dict[str, Any] = {"field": field, "value": issue.value, "constraint": issue.constraint}
    if limit is not None:
        details["limit"] = limit
    return ValidationError(message, details)


def operation(operation_id: OperationId) -> Operation:
    """The spec's operation (``method``, ``path`` and its rules)."""
    return OPERATIONS[operation_id]


def check_request(
    spec: Operation,
    *,
    path: Mapping[str, Any] | None = None,
    headers: Mapping[str, Any] | None = None,
    body: Any = _ABSENT,
) -> Issue | None:
    """The first issue of a request's path parameters, headers (by the spec's names) or JSON body."""
    if path is not None and "check_path" in spec:
        issue = check(spec["check_path"], path)
        if issue:
            return issue
    if headers is not None and "check_headers" in spec:
        issue = check(spec["check_headers"], headers)
        if issue:
            return issue
    if body is not _ABSENT and "check_body" in spec:
        return check(spec["check_body"], body)
    return None


def validate_operation_request(
    operation_id: OperationId,
    *,
    path: Mapping[str, Any] | None = None,
    headers: Mapping[str, Any] | None = None,
    body: Any = _ABSENT,
) -> None:
    """Checks a request to ``operation_id`` exactly as the client does before sending; raises
    ``ValidationError`` naming the field. For code that forwards requests it did not build."""
    issue = check_request(operation(operation_id), path=path, headers=headers, body=body)
    if issue:
        raise to_validation_error(issue)
