"""Create the package's venvs, if missing or out of date:

- ``.venv``: development (editable install, the pinned versions of constraints.txt): generate, lint, typecheck;
- ``.venv-newest``: the wheel as built, in a fresh venv, with the newest dependencies pip resolves now,
  as a user's ``pip install seedance-sdk`` gets them;
- ``.venv-oldest``: the same wheel with the oldest dependencies pyproject.toml declares (constraints-oldest.txt).

Run with any Python >= 3.10 (`python3 scripts/setup_venv.py`, done by `pnpm install`'s provisioning and
by every script of the package). Everything is downloaded here, so the tests (scripts/run_tests.py)
then run offline: they rebuild the wheel from the working tree and reinstall it, without its
dependencies, into the two user venvs. A venv is rebuilt when pyproject.toml or its constraints change
(their hash is stamped in it). A lock makes concurrent turbo tasks wait for one another instead of racing.
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
STAMP = ".seedance-stamp"
WHEELS = ROOT / ".wheel"
USER_VENVS = {"newest": None, "oldest": ROOT / "constraints-oldest.txt"}
"""The user venvs and the constraints each resolves with."""


def bin_dir(venv_dir: Path) -> Path:
    return venv_dir / ("Scripts" if os.name == "nt" else "bin")


def fingerprint(*files: Path) -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", *files):
        digest.update(path.read_bytes())
    digest.update(f"{sys.version_info.major}.{sys.version_info.minor}".encode())
    return digest.hexdigest()


def pip(venv_dir: Path, *args: str) -> None:
    cmd = [str(bin_dir(venv_dir) / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(cmd, cwd=ROOT, check=True, timeout=900)


def fresh(venv_dir: Path, wanted: str) -> bool:
    """Whether ``venv_dir`` is up to date; otherwise it is removed and created empty."""
    stamp = venv_dir / STAMP
    if stamp.exists() and stamp.read_text() == wanted and (bin_dir(venv_dir) / "python").exists():
        return True
    print(f"setting up {venv_dir} (Python {sys.version.split()[0]})", flush=True)
    shutil.rmtree(venv_dir, ignore_errors=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    return False


def build_wheel() -> Path:
    """The wheel of the working tree, built by the development venv's hatchling (offline)."""
    shutil.rmtree(WHEELS, ignore_errors=True)
    python = str(bin_dir(ROOT / ".venv") / "python")
    cmd = [python, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(WHEELS), "."]
    subprocess.run(cmd, cwd=ROOT, check=True, timeout=300)
    return next(WHEELS.glob("seedance_sdk-*.whl"))


def main() -> None:
    if sys.version_info < (3, 10):  # noqa: UP036 (this script may be run by any python3)
        sys.exit(f"Python >= 3.10 is required to set up the SDK's venv, not {sys.version.split()[0]}")
    with open(ROOT / ".venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        dev = ROOT / ".venv"
        constraints = ROOT / "constraints.txt"
        wanted = fingerprint(constraints)
        if not fresh(dev, wanted):
            pip(dev, "install", "-c", str(constraints), "hatchling", "editables")
            pip(dev, "install", "--no-build-isolation", "-c", str(constraints), "-e", ".[dev]")
            (dev / STAMP).write_text(wanted)
        for name, pins in USER_VENVS.items():
            target = ROOT / f".venv-{name}"
            wanted = fingerprint(*([pins] if pins else []))
            if fresh(target, wanted):
                continue
            wheel = build_wheel()
            pip(target, "install", *(["-c", str(pins)] if pins else []), f"{wheel}[test,redis,otel]")
            (target / STAMP).write_text(wanted)


if __name__ == "__main__":
    main()
