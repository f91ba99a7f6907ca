"""Write seedance/_otel_names.py from packages/otel/src/names.json: the span, event, attribute and metric
names TypeScript's @seedance/otel emits, so that seedance.otel emits the same ones (one table, no copy
kept by hand). Run by scripts/generate.py; tests/test_otel.py fails when the file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "otel" / "src" / "names.json"
TARGET = ROOT / "seedance" / "_otel_names.py"


def render() -> str:
    table = json.dumps(json.loads(SOURCE.read_text()), indent=2, sort_keys=True, ensure_ascii=False)
    return (
        "# Generated from packages/otel/src/names.json by scripts/generate_otel_names.py. Do not edit.\n"
        '"""The telemetry names, shared with TypeScript\'s @seedance/otel."""\n\n'
        "import json\n"
        "from typing import Any, Final\n\n"
        f'NAMES: Final[dict[str, Any]] = json.loads(r"""{table}""")\n'
    )


def main() -> None:
    TARGET.write_text(render())


if __name__ == "__main__":
    main()
