"""Generate seedance/_sync/client.py (``Client``) from seedance/_async/client.py (``AsyncClient``) with
unasync, as httpcore does: the client is written once, async, and the blocking twin cannot drift.

Run by scripts/generate.py inside .venv.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import unasync

ROOT = Path(__file__).resolve().parent.parent
ASYNC_CLIENT = ROOT / "seedance" / "_async" / "client.py"
SYNC_CLIENT = ROOT / "seedance" / "_sync" / "client.py"
# Names unasync does not already know, with their blocking twins.
SYNC_NAMES = {
    "AsyncClient": "Client",
    "AsyncSeedream": "Seedream",
    "AsyncSeedance": "Seedance",
    "AsyncTasks": "Tasks",
    "aclose": "close",
    "asyncio": "time",
}
HEADER = "# This file is generated from seedance/_async/client.py by unasync (scripts/generate_sync.py). Do not edit.\n"


def main() -> None:
    SYNC_CLIENT.parent.mkdir(exist_ok=True)
    (SYNC_CLIENT.parent / "__init__.py").write_text("")
    rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=SYNC_NAMES)
    unasync.unasync_files([str(ASYNC_CLIENT)], rules=[rule])
    SYNC_CLIENT.write_text(HEADER + SYNC_CLIENT.read_text())
    # Renamed imports sort differently (asyncio -> time): re-sort, then format.
    ruff = str(Path(sys.executable).parent / "ruff")
    subprocess.run([ruff, "check", "--fix", "--quiet", "--select", "I", str(SYNC_CLIENT)], check=True)
    subprocess.run([ruff, "format", "--quiet", str(SYNC_CLIENT)], check=True)


if __name__ == "__main__":
    main()
