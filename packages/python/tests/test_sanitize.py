"""sanitize_server_text mirrors the TypeScript core's sanitizeServerText (packages/core/src/sanitize.test.ts
has the same cases): the same characters removed, the same key forms redacted, the same ``[redacted]``."""

from __future__ import annotations

import json

from conftest import REPO, run_node

from seedance import sanitize_server_text

CASES = [
    (
        "sk-live-\r\nabc123",
        "key sk-live-\r\nabc123; header Bearer sk-live-\r\nabc123; echoed sk-live-abc123 and sk-live-\nabc123",
    ),
    ("sk-[0mtest-key", "sk-\u001b[0mtest-key"),
    (None, "a\u001b]8;;http://evil\u0007b\u009b31mc\u202ed\u0000e\tf\ng\u007f"),
    ("sk-unrelated", "提示词过长：最多 300 个字符 — ok"),  # noqa: RUF001 (the point: non-Latin text is kept)
    ("k\u202e\u0085y", "echo k\u202e\u0085y, ky, k\u0085y and \u2066\u2069"),
]


def test_the_same_cases_as_the_typescript_tests() -> None:
    assert sanitize_server_text(CASES[0][1], CASES[0][0]) == (
        "key [redacted]; header Bearer [redacted]; echoed [redacted] and [redacted]"
    )
    assert sanitize_server_text(CASES[1][1], CASES[1][0]) == "[redacted]"
    assert sanitize_server_text(CASES[2][1]) == "a]8;;http://evilb31mcde\tf\ng"
    assert sanitize_server_text(CASES[3][1], CASES[3][0]) == CASES[3][1]


SCRIPT = """
import { sanitizeServerText } from "./dist/index.js";
let input = "";
for await (const chunk of process.stdin) input += chunk;
console.log(JSON.stringify(JSON.parse(input).map(([key, text]) => sanitizeServerText(text, key ?? undefined))));
"""


def test_python_and_typescript_give_the_same_text_for_every_case() -> None:
    typescript = json.loads(run_node(SCRIPT, cwd=REPO / "packages" / "core", stdin=json.dumps(CASES)))
    assert [sanitize_server_text(text, key) for key, text in CASES] == typescript
