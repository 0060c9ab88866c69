"""Several app servers behind HAProxy on one machine: `make cluster N=2` (= python -m deploy.cluster --servers 2).

The app servers (serve.py, each a process of its own, so the machine's cores are all used) listen on loopback at
PORT+1 … PORT+N and share the one store, which they only read. HAProxy, with deploy/haproxy.cfg and one `server` line
per app server added, listens on PORT and keeps each visitor on one server. Ctrl-C (or SIGTERM) stops everything.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "haproxy.cfg"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
START_LIMIT_S = 120


def proxy_config(ports: list[int]) -> str:
    """deploy/haproxy.cfg with one `server` line per app server."""
    servers = "".join(f"    server app{i} 127.0.0.1:{port} cookie app{i}\n" for i, port in enumerate(ports, 1))
    return CONFIG.read_text(encoding="utf-8") + servers


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait(url: str, processes: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while not _healthy(url):
        if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
            raise RuntimeError(f"{url} did not come up (see the logs in {ROOT / '.venv'})")
        time.sleep(0.2)  # polling for start-up


def _start(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env
        )


def stop(process: subprocess.Popen) -> None:
    """Stop a server or the proxy (its whole process group) and wait for it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextlib.contextmanager
def running_cluster(
    servers: int = 2,
    port: int = 8760,
    bind: str = "127.0.0.1",
    env: dict[str, str] | None = None,
    hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1"),
) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """Yield (the proxy's address, the app servers' processes, whose pids are their process groups); stop all after.
    `env` is added to the app servers' environment (e.g. Streamlit's STREAMLIT_… options); `hosts` are the host names
    visitors use (server.allowedHosts)."""
    ports = [port + i for i in range(1, servers + 1)]
    full_env = {**os.environ, **(env or {}), "PAPI_BIND": bind, "PAPI_PORT": str(port)}
    apps: list[subprocess.Popen] = []
    proxy: subprocess.Popen | None = None
    with tempfile.TemporaryDirectory(prefix="papi-cluster-") as tmp:
        config = Path(tmp) / "haproxy.cfg"
        config.write_text(proxy_config(ports), encoding="utf-8")
        try:
            for p in ports:
                command = [sys.executable, "serve.py", "--server.port", str(p), "--server.address", "127.0.0.1"]
                command += [f"--server.allowedHosts={host}" for host in hosts]
                apps.append(_start(command, ROOT / ".venv" / f"cluster-app-{p}.log", full_env))
            for p, app in zip(ports, apps, strict=True):
                _wait(f"http://127.0.0.1:{p}", [app])
            proxy = _start([HAPROXY, "-db", "-f", str(config)], ROOT / ".venv" / f"cluster-proxy-{port}.log", full_env)
            url = f"http://localhost:{port}"
            _wait(url, [proxy])
            yield url, apps
        finally:
            for process in [*([proxy] if proxy else []), *apps]:
                stop(process)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--bind", default="0.0.0.0")
    parser.add_argument("--hosts", default="localhost 127.0.0.1 ::1", help="host names visitors use, space-separated")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with running_cluster(args.servers, args.port, args.bind, hosts=tuple(args.hosts.split())) as (url, apps):
        print(f"PAPI: {url} ({len(apps)} app servers behind HAProxy; Ctrl-C stops them)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while all(app.poll() is None for app in apps):
                time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
