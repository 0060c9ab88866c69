"""CPU and memory under load: one full garbage collection a second (when there is anything new to collect) instead
of Streamlit's one after every script run (runner.postScriptGC, off in .streamlit/config.toml: under load it took
about half of the server's CPU, since each walks every object of the process, the cached store and figures included),
and the memory of closed sessions given back to the system (glibc keeps freed pages in its per-thread arenas, so
without it a server stays at its peak)."""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import threading
import time

from streamlit import config

GC_EVERY_S = 1.0
GC_MIN_NEW_OBJECTS = 1000
TRIM_AFTER_S = 2.0  # after a closed session's TTL: Streamlit drops it in its next clean-up pass

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
_trim_pending: list[asyncio.TimerHandle] = []


def collect_garbage_periodically() -> None:
    def loop() -> None:
        while True:
            time.sleep(GC_EVERY_S)
            if sum(gc.get_count()) > GC_MIN_NEW_OBJECTS:  # an idle server has nothing new to collect
                gc.collect()

    threading.Thread(target=loop, name="papi-gc", daemon=True).start()


def trim_soon() -> None:
    """Once a closed session has been dropped (after server.disconnectedSessionTTL), return freed memory to the system;
    one trim after the last session of a wave has closed."""
    for handle in _trim_pending:
        handle.cancel()
    _trim_pending[:] = [
        asyncio.get_running_loop().call_later(
            float(config.get_option("server.disconnectedSessionTTL")) + TRIM_AFTER_S, _libc.malloc_trim, 0
        )
    ]
