"""`pnpm test`: the tests against what users install, offline.

Builds the wheel from the working tree, reinstalls it (without touching its dependencies) into
.venv-newest (the newest versions pip resolved at set-up) and .venv-oldest (the oldest that
pyproject.toml declares), and runs the whole suite in the first and the version-sensitive part in
the second. ``seedance`` is imported from the installed wheel, never from the source tree (conftest.py
checks). Extra arguments go to both pytest runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from setup_venv import ROOT, bin_dir, build_wheel
from setup_venv import main as setup

# What depends on the dependencies' versions: the transport (the fault matrix, the client's features),
# webhooks under a server, downloads, OpenTelemetry (opentelemetry-api 1.27 up).
OLDEST_SUITE = [
    "tests/test_fault_matrix.py",
    "tests/test_client.py",
    "tests/test_features.py",
    "tests/test_issue_23.py",
    "tests/test_webhook_handlers.py",
    "tests/test_downloads.py",
    "tests/test_otel.py",
]


def run(venv_name: str, paths: list[str], extra: list[str]) -> int:
    venv_dir = ROOT / f".venv-{venv_name}"
    env = {**os.environ, "SEEDANCE_EXPECT_INSTALLED": str(venv_dir)}
    started = time.monotonic()
    print(f"--- pytest in {venv_dir.name} ({', '.join(paths) or 'all tests'})", flush=True)
    code = subprocess.run(
        [str(bin_dir(venv_dir) / "pytest"), *paths, *extra], cwd=ROOT, env=env, check=False
    ).returncode
    print(f"--- {venv_dir.name}: {time.monotonic() - started:.1f} s", flush=True)
    return code


def main() -> None:
    setup()
    wheel = build_wheel()
    for name in ("newest", "oldest"):
        python = str(bin_dir(ROOT / f".venv-{name}") / "python")
        cmd = [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--force-reinstall", str(wheel)]
        subprocess.run(cmd, cwd=ROOT, check=True, timeout=120)
    extra = sys.argv[1:]
    codes = [run("newest", [], extra), run("oldest", OLDEST_SUITE, extra)]
    sys.exit(next((code for code in codes if code), 0))


if __name__ == "__main__":
    main()
