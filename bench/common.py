"""Small helpers the benchmark scripts share: medians, printing, a server process's memory."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

# In the browser: resolves when a text of the n-th plotly chart (its `selector`: the title, or the legend of a chart
# whose title the page draws in HTML) contains `text`, recording when on the page's own clock (window.__drawn).
# Streamlit may replace a chart's element on a rerun, so the whole page is watched.
# The benchmarks watch a page with scripts of their own (WATCH_TEXT, wait_for_function), which the app's
# Content-Security-Policy refuses (server/guards.py); the browser is told to let them run. The tests never do this.
BYPASS_CSP = True
WATCH_TEXT = """([n, text, selector]) => {
  window.__drawn = null;
  const seen = () => [...((document.querySelectorAll('.js-plotly-plot')[n] || document).querySelectorAll(selector))]
    .map(el => el.textContent).join(' ');
  new MutationObserver((_, obs) => {
    if (seen().includes(text)) { window.__drawn = performance.now(); obs.disconnect(); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""

# In the browser: when each websocket message from the server arrives, on the page's own clock (window.__arrivals).
ARRIVALS = """window.__arrivals = [];
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", () => window.__arrivals.push(performance.now()));
  }
};"""


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, values_ms: list[float], target_ms: float | None = None) -> None:
    med = statistics.median(values_ms)
    line = f"{name:<52} median {med:8.1f} ms  (min {min(values_ms):.1f}, max {max(values_ms):.1f}, n={len(values_ms)})"
    if target_ms is not None:
        line += f"  target ≤ {target_ms:g} ms {'OK' if med <= target_ms else 'OVER'}"
    print(line, flush=True)


def rss_mib(group_pid: int, match: str = "serve.py") -> float:
    """Resident memory (MiB) of the processes in a process group whose command line contains `match`."""
    total_kib = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            pgid = int(stat.rsplit(")", 1)[1].split()[2])
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if pgid == group_pid and match in cmd:
                status = (proc / "status").read_text()
                total_kib += int(next(ln for ln in status.splitlines() if ln.startswith("VmRSS")).split()[1])
        except (OSError, StopIteration, IndexError, ValueError):
            continue
    return total_kib / 1024


def report_size(name: str, size_bytes: int, target_kb: float | None = None) -> None:
    line = f"{name:<52} {size_bytes / 1024:8.1f} KB"
    if target_kb is not None:
        line += f"  target ≤ {target_kb:g} KB {'OK' if size_bytes / 1024 <= target_kb else 'OVER'}"
    print(line, flush=True)
