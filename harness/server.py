"""Start the app as the README does (`make run`) on a free port, and launch Debian's Chromium; shared by the browser
tests and the benchmarks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
STARTUP_LIMIT_S = 120


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port(first: int | None = None, last: int | None = None, block: int = 1) -> int:
    """A free port on loopback: one the system picks, or the first free one in first..last (the benchmarks keep to
    8700–8799); with `block`, one whose next block - 1 ports are free too (a cluster's proxy on it, its servers on the
    next ones). The system's pick is random, so parallel test runs on one machine do not race for the same block."""
    candidates = range(first, (last or first) + 1) if first else (_system_port() for _ in range(100))
    for port in candidates:
        if all(_is_free(p) for p in range(port, port + block)):
            return port
    raise RuntimeError(f"no {block} free port(s) in a row" + (f" in {first}–{last}" if first else ""))


def _system_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`make run` exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling for start-up; no assertion depends on this timing
    raise RuntimeError(f"the app did not answer at {url} within {STARTUP_LIMIT_S} s")


def log_path(log_name: str, port: int) -> Path:
    """Where `running_app(log_name)` on `port` writes the server's output."""
    return ROOT / ".venv" / f"{log_name}-{port}.log"


@contextmanager
def running_app(
    log_name: str = "server", base_path: str = "", port: int | None = None, env: dict[str, str] | None = None
) -> Iterator[tuple[str, int]]:
    """Yield (url, pid of the process group) of `make run` on `port` (default: a free one), served under `base_path`
    if given (as behind a proxy that publishes the app at /papi), with `env` added to its environment (e.g.
    Streamlit's STREAMLIT_… options); stop it afterwards (with `port`, until the server no longer answers there, so
    that the caller may start on it again)."""
    reused, port = port is not None, port or free_port()
    serve_flags = f"--server.baseUrlPath={base_path}" if base_path else ""
    with log_path(log_name, port).open("w") as log:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}", f"SERVE_FLAGS={serve_flags}"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, **(env or {})},
        )
        url = f"http://localhost:{port}" + (f"/{base_path}" if base_path else "")
        try:
            _wait_healthy(url, process)
            yield url, process.pid
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
            if reused:
                _wait_port_free(port)


def _wait_port_free(port: int) -> None:
    """Until the server no longer answers on its port: `make` ends at once, the server after its graceful stop, and a
    next start on the same port (bench.first_page) would otherwise pass its health check on the old server."""
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.2)  # polling for the stop; no assertion depends on this timing


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False
