"""Create packages/python/.venv from scratch with pinned versions, if missing or out of date.

Run with any Python >= 3.10 (`python3 scripts/setup_venv.py`); every other script of the package
calls it first, so a fresh clone needs nothing else. The venv is rebuilt when pyproject.toml or
constraints.txt change (their hash is stamped in .venv/.seedance-stamp). A lock makes concurrent
turbo tasks wait for one another instead of racing.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".seedance-stamp"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    digest.update(f"{sys.version_info.major}.{sys.version_info.minor}".encode())
    return digest.hexdigest()


def pip(*args: str) -> None:
    cmd = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(cmd, cwd=ROOT, check=True, timeout=600)


def main() -> None:
    if sys.version_info < (3, 10):  # noqa: UP036 (this script may be run by any python3)
        sys.exit(f"Python >= 3.10 is required to set up the SDK's venv, not {sys.version.split()[0]}")
    wanted = fingerprint()
    with open(ROOT / ".venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if STAMP.exists() and STAMP.read_text() == wanted and (BIN / "python").exists():
            return
        print(f"setting up {VENV} (Python {sys.version.split()[0]})", flush=True)
        shutil.rmtree(VENV, ignore_errors=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        constraints = str(ROOT / "constraints.txt")
        pip("install", "-c", constraints, "hatchling", "editables")
        pip("install", "--no-build-isolation", "-c", constraints, "-e", ".[dev]")
        STAMP.write_text(wanted)


if __name__ == "__main__":
    main()
