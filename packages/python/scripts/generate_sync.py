"""Generate seedance/_sync/ (``Client``, its transport, downloads and connections) from seedance/_async/
(``AsyncClient``, ...) with unasync, as httpcore does: the client is written once, async, and the
blocking twin cannot drift.

Run by scripts/generate.py inside .venv.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import unasync

ROOT = Path(__file__).resolve().parent.parent
ASYNC_DIR = ROOT / "seedance" / "_async"
SYNC_DIR = ROOT / "seedance" / "_sync"
# Names unasync does not already know, with their blocking twins.
SYNC_NAMES = {
    "AsyncClient": "Client",
    "AsyncSeedream": "Seedream",
    "AsyncSeedance": "Seedance",
    "AsyncTasks": "Tasks",
    "aclose": "close",
    "asyncio": "time",
    "aiter_raw": "iter_raw",
    "AnyIOBackend": "SyncBackend",
    "AsyncConnectionPool": "ConnectionPool",
    "AsyncHTTPTransport": "HTTPTransport",
    "AsyncNetworkBackend": "NetworkBackend",
    "AsyncNetworkStream": "NetworkStream",
}
HEADER = "# This file is generated from seedance/_async/{name} by unasync (scripts/generate_sync.py). Do not edit.\n"


def main() -> None:
    sources = sorted(path for path in ASYNC_DIR.glob("*.py") if path.name != "__init__.py")
    SYNC_DIR.mkdir(exist_ok=True)
    for stale in SYNC_DIR.glob("*.py"):
        stale.unlink()
    (SYNC_DIR / "__init__.py").write_text("")
    rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=SYNC_NAMES)
    unasync.unasync_files([str(path) for path in sources], rules=[rule])
    outputs = [SYNC_DIR / path.name for path in sources]
    for output in outputs:
        output.write_text(HEADER.format(name=output.name) + output.read_text())
    # Renamed imports sort differently (asyncio -> time): re-sort, then format.
    ruff = str(Path(sys.executable).parent / "ruff")
    files = [str(output) for output in outputs]
    subprocess.run([ruff, "check", "--fix", "--quiet", "--select", "I,F401", *files], check=True)
    subprocess.run([ruff, "format", "--quiet", *files], check=True)


if __name__ == "__main__":
    main()
