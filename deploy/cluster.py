"""Several app servers behind HAProxy on one machine, under supervisord: `make cluster N=2`
(= python -m deploy.cluster --servers 2).

The app servers (serve.py, each a process of its own, so the machine's cores are all used) listen on loopback at
PORT+1 … PORT+N and share the one store, which they only read. HAProxy, with deploy/haproxy.cfg and one `server` line
per app server added, listens on PORT, keeps each visitor on one server and sends none to a server whose readiness
(/healthz) fails. supervisord (a kept tool, from PyPI) runs them all: a process that dies is started again with a
growing back-off, the others and the proxy are never touched, each exit and restart is logged with its reason
(supervisord.log), each process has its own log, and `supervisorctl status` shows them:

    .venv/bin/supervisorctl -c .venv/cluster-PORT/supervisord.conf status

Ctrl-C or SIGTERM stops everything cleanly (exit code 0); the exit code is 1 only when the cluster cannot serve
(it never became ready, or supervisord itself failed).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "haproxy.cfg"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
BIN = Path(sys.executable).parent
START_LIMIT_S = 120
STOP_LIMIT_S = 60
COOKIE = "PAPI_SERVER"  # the proxy's sticky cookie, naming the app server (haproxy.cfg)


def proxy_config(ports: list[int]) -> str:
    """deploy/haproxy.cfg with one `server` line per app server."""
    servers = "".join(f"    server app{i} 127.0.0.1:{port} cookie app{i}\n" for i, port in enumerate(ports, 1))
    return CONFIG.read_text(encoding="utf-8") + servers


def supervisor_config(
    run: Path,
    ports: list[int],
    hosts: tuple[str, ...],
    env: dict[str, str],
    own: dict[int, dict[str, str]] | None = None,
) -> str:
    """supervisord's configuration: one program per app server and one for HAProxy, logs in `run`; `own` adds to one
    app server's environment (app1 is 1)."""

    def common(extra: dict[str, str]) -> str:
        environment = ",".join(f'{k}="{v}"' for k, v in (env | extra).items())
        return (
            "autostart=true\nautorestart=true\nstartsecs=5\nstartretries=1000\nstopsignal=TERM\nstopwaitsecs=20\n"
            "stopasgroup=true\nkillasgroup=true\nredirect_stderr=true\nstdout_logfile_maxbytes=10MB\n"
            f"stdout_logfile_backups=3\ndirectory={ROOT}\nenvironment={environment}\n"
        )

    flags = " ".join(f"--server.allowedHosts={host}" for host in hosts)
    apps = "".join(
        f"[program:app{i}]\ncommand={sys.executable} serve.py --server.port {port} --server.address 127.0.0.1 "
        f"{flags}\nstdout_logfile={run}/app{i}.log\n{common((own or {}).get(i, {}))}\n"
        for i, port in enumerate(ports, 1)
    )
    return (
        f"[supervisord]\nlogfile={run}/supervisord.log\npidfile={run}/supervisord.pid\nchildlogdir={run}\n"
        "nodaemon=true\nloglevel=info\n\n"
        f"[unix_http_server]\nfile={run}/supervisor.sock\nchmod=0700\n\n"
        f"[supervisorctl]\nserverurl=unix://{run}/supervisor.sock\n\n"
        "[rpcinterface:supervisor]\n"
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n"
        f"{apps}"
        f"[program:proxy]\ncommand={HAPROXY} -db -f {run}/haproxy.cfg\nstdout_logfile={run}/proxy.log\n{common({})}\n"
    )


def ready(url: str) -> bool:
    """Whether `url` answers its readiness check (/healthz) with 200."""
    return readiness(url) == 200


def readiness(url: str) -> int:
    """The status of `url`'s readiness answer (200, or 503 when it cannot serve data); 0 when nothing answers."""
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as answered:
        return answered.code
    except OSError:
        return 0


@dataclass
class Cluster:
    url: str  # the proxy's address
    ports: list[int]  # the app servers', app1 first
    run: Path  # supervisord's configuration, socket and logs
    supervisor: subprocess.Popen

    def ctl(self, *args: str) -> str:
        """supervisorctl's answer (e.g. ctl("status"))."""
        command = [str(BIN / "supervisorctl"), "-c", str(self.run / "supervisord.conf"), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60).stdout

    def pid(self, server: int) -> int:
        """The process id (also its process group) of app server `server` (1 …), 0 when it is not running."""
        answer = self.ctl("pid", f"app{server}").strip()
        return int(answer) if answer.isdigit() else 0

    def server_url(self, server: int) -> str:
        return f"http://127.0.0.1:{self.ports[server - 1]}"

    def wait_ready(self, urls: list[str], limit: float = START_LIMIT_S) -> None:
        """Until the app servers answer (a server without a store to serve answers 503) and the proxy is ready, with
        every server that can serve data in its rotation: a server slow to start failed the proxy's first checks and
        gets visitors only after two checks pass (2 s apart), which a test opening a session on each would miss."""
        deadline = time.monotonic() + limit
        while True:
            answers = [readiness(u) for u in urls[:-1]]
            if all(answers) and ready(urls[-1]) and self._in_rotation(answers):
                return
            if time.monotonic() > deadline or self.supervisor.poll() is not None:
                raise RuntimeError(f"the cluster did not become ready (see the logs in {self.run})")
            time.sleep(0.2)  # polling for start-up

    def _in_rotation(self, answers: list[int]) -> bool:
        """Whether the proxy sends new visitors to each app server whose readiness answered 200 (`answers`, app1
        first): with `balance leastconn`, equally idle servers take turns, and each answer names its server in the
        sticky cookie."""
        wanted = {f"{COOKIE}=app{i}" for i, status in enumerate(answers, start=1) if status == 200}
        seen = set()
        for _turn in range(2 * len(answers)):
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    seen.add(response.headers.get("Set-Cookie", "").split(";")[0])
            except OSError:
                return False
        return wanted <= seen

    def stop(self) -> int:
        """Stop supervisord and with it every process (SIGTERM, as Ctrl-C would); its exit code."""
        if self.supervisor.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.supervisor.send_signal(signal.SIGTERM)
            try:
                return self.supervisor.wait(timeout=STOP_LIMIT_S)
            except subprocess.TimeoutExpired:
                os.killpg(self.supervisor.pid, signal.SIGKILL)
        return self.supervisor.wait()


@contextlib.contextmanager
def running_cluster(
    servers: int = 2,
    port: int = 8760,
    bind: str = "127.0.0.1",
    env: dict[str, str] | None = None,
    hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1"),
    own: dict[int, dict[str, str]] | None = None,
) -> Iterator[Cluster]:
    """A ready cluster (app servers at port+1 … behind the proxy at `port`) under supervisord; stopped after.
    `env` is added to the app servers' environment (e.g. Streamlit's STREAMLIT_… options), `own` to one server's (by
    number, app1 is 1); `hosts` are the host names visitors use (server.allowedHosts)."""
    ports = [port + i for i in range(1, servers + 1)]
    run = ROOT / ".venv" / f"cluster-{port}"  # one run's configuration, socket and logs: a new run starts it afresh
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    full_env = {**(env or {}), "PAPI_BIND": bind, "PAPI_PORT": str(port)}
    (run / "haproxy.cfg").write_text(proxy_config(ports), encoding="utf-8")
    conf = run / "supervisord.conf"
    conf.write_text(supervisor_config(run, ports, hosts, full_env, own), encoding="utf-8")
    supervisor = subprocess.Popen(
        [str(BIN / "supervisord"), "-c", str(conf)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    cluster = Cluster(f"http://localhost:{port}", ports, run, supervisor)
    try:
        cluster.wait_ready([cluster.server_url(i) for i in range(1, servers + 1)] + [cluster.url])
        yield cluster
    finally:
        cluster.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--bind", default="0.0.0.0")
    parser.add_argument("--hosts", default="localhost 127.0.0.1 ::1", help="host names visitors use, space-separated")
    args = parser.parse_args(argv)
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, _frame: stopping.append(signum))
    signal.signal(signal.SIGINT, lambda signum, _frame: stopping.append(signum))
    try:
        with running_cluster(args.servers, args.port, args.bind, hosts=tuple(args.hosts.split())) as cluster:
            print(
                f"PAPI: {cluster.url} ({args.servers} app servers behind HAProxy, under supervisord; Ctrl-C stops "
                f"them)\n  status: {BIN / 'supervisorctl'} -c {cluster.run / 'supervisord.conf'} status\n"
                f"  logs:   {cluster.run}/",
                flush=True,
            )
            while not stopping and cluster.supervisor.poll() is None:
                time.sleep(0.5)  # supervisord does the supervising; this only waits for Ctrl-C or SIGTERM
            if not stopping:
                print(f"supervisord exited with {cluster.supervisor.returncode}", file=sys.stderr)
                return 1
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
