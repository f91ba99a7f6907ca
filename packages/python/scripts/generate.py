"""Regenerate seedance/_generated from the bundled spec with openapi-python-client (pinned).

Run: `python3 scripts/generate.py` (bundle the spec first: `node scripts/bundle-spec.ts` at the
repository root). The output is deterministic: the same spec gives byte-identical files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent.parent / "spec" / "dist" / "openapi.json"
OUT = ROOT / "seedance" / "_generated"
BIN = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin")


def main() -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "setup_venv.py")], check=True)
    if not SPEC.exists():
        sys.exit(f"{SPEC} is missing: bundle the spec first (node scripts/bundle-spec.ts)")
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
    # The blocking Client, from the hand-written AsyncClient (run in the venv, where unasync is).
    subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "generate_sync.py")], check=True, env=env, cwd=ROOT)


if __name__ == "__main__":
    main()
