"""Regenerate seedance/_generated from the bundled spec with openapi-python-client (pinned), the
request and response checks (seedance/_spec_checks.py) with @seedance/codegen, and the blocking client.

Run: `python3 scripts/generate.py` (bundle the spec first: `node scripts/bundle-spec.ts` at the
repository root). The output is deterministic: the same spec gives byte-identical files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT.parent.parent
SPEC = REPO / "spec" / "dist" / "openapi.json"
OUT = ROOT / "seedance" / "_generated"
CHECKS = ROOT / "seedance" / "_spec_checks.py"
CODEGEN = REPO / "packages" / "codegen" / "src" / "cli.ts"
NODE = REPO / "node_modules" / ".bin" / "node"  # the repository's pinned Node (it runs TypeScript)
BIN = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin")


def nullable_fields(node: object, where: str = "#") -> list[str]:
    """Where the spec allows ``null``: templates/types.py.jinja reads ``None`` as "absent", so a
    nullable field would lose its explicit ``null`` (refused until the templates handle it)."""
    found: list[str] = []
    if isinstance(node, dict):
        kind = node.get("type")
        if node.get("nullable") is True or kind == "null" or (isinstance(kind, list) and "null" in kind):
            found.append(where)
        for key, value in node.items():
            found += nullable_fields(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += nullable_fields(value, f"{where}/{index}")
    return found


def main() -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "setup_venv.py")], check=True)
    if not SPEC.exists():
        sys.exit(f"{SPEC} is missing: bundle the spec first (node scripts/bundle-spec.ts)")
    nullable = nullable_fields(json.loads(SPEC.read_text()))
    if nullable:
        sys.exit(
            f"The spec allows null at {', '.join(nullable)}: teach templates/types.py.jinja an explicit null first."
        )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [
        str(BIN / "openapi-python-client"),
        "generate",
        "--path", str(SPEC),
        "--meta", "none",
        "--config", str(ROOT / "openapi-python-client.yaml"),
        "--custom-template-path", str(ROOT / "templates"),
        "--output-path", str(OUT),
        "--overwrite",
        "--fail-on-warning",
    ]  # fmt: skip
    shutil.rmtree(OUT, ignore_errors=True)  # entirely generated: start clean
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    # The spec's checks, from the compiler TypeScript's checks come from too.
    subprocess.run([str(NODE), str(CODEGEN), "python", str(SPEC), str(CHECKS)], check=True, cwd=ROOT, timeout=120)
    # The telemetry names, from the table TypeScript's @seedance/otel reads.
    subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "generate_otel_names.py")], check=True, cwd=ROOT)
    # The blocking Client, from the hand-written AsyncClient (run in the venv, where unasync is).
    subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "generate_sync.py")], check=True, env=env, cwd=ROOT)


if __name__ == "__main__":
    main()
