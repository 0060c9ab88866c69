"""Store build time and cold store load time.  python -m bench.store_build"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import report, timed
from papi_data.build import build

LOAD = (
    "import time; t = time.perf_counter(); from papi_data.store import load_store; load_store(); "
    "print((time.perf_counter() - t) * 1000)"
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report("store build (validate + write Parquet)", timed(lambda: build(target=Path(tmp) / "store"), 5))
    # A fresh interpreter each time: imports of pandas/pyarrow included, as at server start.
    cold = [float(subprocess.check_output([sys.executable, "-c", LOAD], text=True)) for _ in range(5)]
    report("cold store load (new process, incl. imports)", cold)


if __name__ == "__main__":
    main()
