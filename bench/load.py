"""Load: real Streamlit sessions (websockets speaking Streamlit's protocol, harness/sessions.py) that act, then think,
on loopback only, bounded in count and time.

    python -m bench.load [--sessions 10 25 50 100] [--think 10] [--seconds 40] [--servers 1] [--rounds 1] [--kill]

For each number of sessions: runs per second, median and p95 time per run, errors, the server's CPU time per run and
its memory (RSS) before, at the peak and after the sessions have closed (the server forgets a closed session after
`server.disconnectedSessionTTL`, set to 5 s here; 120 s by default). With --rounds, the same load again and again, to
see whether memory comes back. With --servers 2, two app servers behind the proxy (`make cluster`, under supervisord).
With --kill (two servers or more), app1 is killed (SIGKILL) half-way through each load while a plain visitor requests
the home page through the proxy every 0.2 s: the requests that failed after the proxy's detection window (5 s; the
target is 0), the sessions lost on each server (the target: on app1 only), and how long supervisord took to bring
app1 back (its readiness answering again).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import statistics
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import rss_mib
from deploy.cluster import Cluster, ready, running_cluster
from harness.server import free_port, running_app
from harness.sessions import Run, Session

# What visitors do: open a page with a link's parameters. Every action is a full script run of that page.
ACTIONS = [
    ("", "year=2024"),
    ("", "lang=en&year=2019"),
    ("ban-do", "year=2020&metric=total"),
    ("ban-do", "year=2016&metric=d4_control_of_corruption&colour=groups"),
    ("ho-so-tinh", "province=79&year=2024"),
    ("ho-so-tinh", "province=27&year=2020&lang=en"),
    ("ke-hoach", ""),
    ("kham-pha", "years=2018-2024"),
    ("gioi-thieu", "lang=en"),
]
SESSION_TTL_S = 5
SETTLE_S = SESSION_TTL_S + 10  # after the last session closed: the server drops it, then its memory is read
DETECTION_S = 5.0  # HAProxy's health checks: every 2 s, down after 2 failures


@dataclass
class Phase:
    sessions: int
    runs: list[Run]
    errors: list[str]
    seconds: float
    cpu_s: float
    rss_before: float
    rss_peak: float
    rss_after: float
    kill: Kill | None = None


@dataclass
class Kill:
    """What killing app1 in the middle of a load did."""

    late_failures: int  # plain requests through the proxy that failed after the detection window
    late_requests: int
    lost: dict[str, int]  # sessions that ended in an error, by server cookie
    restart_s: float | None  # until app1's readiness answered again


def cpu_seconds(group: int, match: str = "serve.py") -> float:
    """User + system CPU time of the processes in a process group whose command line contains `match`."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if int(fields[2]) == group and match in cmd:
                total += int(fields[11]) + int(fields[12])
    return total / 100  # clock ticks (USER_HZ) to seconds


async def visitor(
    url: str, stop_at: float, think: float, rng: random.Random, runs: list[Run], errors: list[str], lost: list[str]
) -> None:
    await asyncio.sleep(rng.uniform(0, think))  # visitors arrive over one think time, not all at once
    session = Session(url)
    try:
        async with session:
            while time.monotonic() < stop_at:
                run = await session.run(*rng.choice(ACTIONS))
                runs.append(run)
                if not run.ok:
                    errors.append(run.problem)
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
    except Exception as err:  # a refused or dropped connection is an error of the run, not of the benchmark
        errors.append(f"{type(err).__name__}: {err}")
        lost.append(session.response_cookie or "no server")


def home_page_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/", timeout=5) as response:
            return response.status == 200 and b"<html" in response.read().lower()
    except OSError:
        return False


async def kill_in_the_middle(cluster: Cluster, at: float, seconds: float) -> tuple[int, int, float | None]:
    """Kill app1 `at` seconds in; meanwhile request the home page every 0.2 s through the proxy. Returns the failed
    and all requests after the detection window, and app1's restart time."""
    await asyncio.sleep(at)
    os.killpg(cluster.pid(1), signal.SIGKILL)
    killed = time.monotonic()
    failures = requests = 0
    restart: float | None = None
    while time.monotonic() - killed < max(seconds - at, DETECTION_S + 10):
        started = time.monotonic()
        answered = await asyncio.to_thread(home_page_ok, cluster.url)
        if started - killed >= DETECTION_S:
            requests += 1
            failures += not answered
        if restart is None and await asyncio.to_thread(ready, cluster.server_url(1)):
            restart = time.monotonic() - killed
        await asyncio.sleep(max(0.0, 0.2 - (time.monotonic() - started)))
    return failures, requests, restart


async def _phase(
    url: str, groups: list[int], sessions: int, seconds: float, think: float, seed: int, cluster: Cluster | None = None
) -> Phase:
    rng = random.Random(seed)
    runs: list[Run] = []
    errors: list[str] = []
    lost: list[str] = []
    rss_before = sum(rss_mib(g) for g in groups)
    cpu_before = sum(cpu_seconds(g) for g in groups)
    peak = rss_before
    started = time.monotonic()
    stop_at = started + seconds
    tasks = [
        asyncio.create_task(visitor(url, stop_at, think, random.Random(rng.random()), runs, errors, lost))
        for _ in range(sessions)
    ]
    killer = asyncio.create_task(kill_in_the_middle(cluster, seconds / 2, seconds)) if cluster else None
    while not all(t.done() for t in tasks):
        await asyncio.sleep(0.5)
        peak = max(peak, sum(rss_mib(g) for g in groups))
        if time.monotonic() > stop_at + 120:  # bounded: a stuck run does not hold the benchmark
            for task in tasks:
                task.cancel()
            break
    elapsed = time.monotonic() - started
    cpu = sum(cpu_seconds(g) for g in groups) - cpu_before if killer is None else float("nan")  # app1's was lost
    kill = None
    if killer is not None and cluster is not None:
        failures, requests, restart = await killer
        kill = Kill(failures, requests, {c: lost.count(c) for c in sorted(set(lost))}, restart)
        groups[0] = cluster.pid(1)  # the restarted app1
    await asyncio.sleep(SETTLE_S)
    rss_after = sum(rss_mib(g) for g in groups)
    return Phase(sessions, runs, errors, elapsed, cpu, rss_before, peak, rss_after, kill)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else float("nan"))


def report(label: str, phase: Phase) -> None:
    times = [r.seconds * 1000 for r in phase.runs if r.ok]
    per_session = (phase.rss_peak - phase.rss_before) / phase.sessions
    print(
        f"{label:<22} {phase.sessions:>4} sessions: {len(phase.runs) / phase.seconds:6.2f} runs/s  "
        f"median {statistics.median(times) if times else float('nan'):7.0f} ms  p95 {p95(times):7.0f} ms  "
        f"errors {len(phase.errors):>3}  CPU/run {1000 * phase.cpu_s / max(1, len(phase.runs)):5.0f} ms  "
        f"RSS {phase.rss_before:6.0f} → peak {phase.rss_peak:6.0f} ({per_session:+5.1f}/session) → "
        f"after {phase.rss_after:6.0f} MiB",
        flush=True,
    )
    pages = sorted({r.page for r in phase.runs if r.ok})
    print(
        "    per page (p50/p95 ms): "
        + ", ".join(
            f"{page or 'home'} {statistics.median(ms):.0f}/{p95(ms):.0f}"
            for page in pages
            for ms in [[r.seconds * 1000 for r in phase.runs if r.ok and r.page == page]]
        ),
        flush=True,
    )
    for problem in sorted(set(phase.errors))[:3]:
        print(f"    error: {problem[:160]}", flush=True)
    if kill := phase.kill:
        restart = f"{kill.restart_s:.1f} s" if kill.restart_s is not None else "not within the load"
        print(
            f"    app1 killed half-way: {kill.late_failures}/{kill.late_requests} requests failed after the "
            f"{DETECTION_S:g} s detection window (target 0); sessions lost by server {kill.lost or '{}'} (target: "
            f"app1 only); app1 ready again after {restart}",
            flush=True,
        )


@contextlib.contextmanager
def servers(count: int) -> Iterator[tuple[str, list[int], Cluster | None]]:
    """(address, process groups to measure, the cluster if any) of one app server or of `count` behind the proxy, on
    ports 8700–8799."""
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL_S)}
    if count == 1:
        with running_app("bench-load", port=free_port(8700, 8799), env=env) as (url, group):
            yield url, [group], None
    else:
        with running_cluster(count, port=free_port(8700, 8790, block=count + 1), env=env) as cluster:
            yield cluster.url, [cluster.pid(i) for i in range(1, count + 1)], cluster


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 25, 50, 100])
    parser.add_argument("--think", type=float, default=10.0, help="mean seconds between a visitor's actions")
    parser.add_argument("--seconds", type=float, default=40.0, help="how long each load lasts")
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--kill", action="store_true", help="kill app1 half-way through each load (2+ servers)")
    args = parser.parse_args(argv)
    assert all(0 < n <= 200 for n in args.sessions) and 0 < args.seconds <= 300 and 1 <= args.rounds <= 10
    assert not args.kill or args.servers > 1

    label = f"{args.servers} server{'s' if args.servers > 1 else ''}, think {args.think:g} s"
    with servers(args.servers) as (url, groups, cluster):

        async def warm_up_one() -> None:  # the first run of each page fills the caches shared by all sessions
            async with Session(url) as session:
                for page, query in ACTIONS:
                    await session.run(page, query)

        async def warm_up() -> None:  # at once, so that the proxy sends one to each server
            await asyncio.gather(*(warm_up_one() for _ in groups))

        asyncio.run(warm_up())
        time.sleep(SETTLE_S)
        for count in args.sessions:
            for round_ in range(args.rounds):
                name = label if args.rounds == 1 else f"{label}, round {round_ + 1}"
                killing = cluster if args.kill else None
                phase = _phase(url, groups, count, args.seconds, args.think, count + round_, killing)
                report(name, asyncio.run(phase))
                if killing:
                    time.sleep(SETTLE_S)  # app1 restarted: its caches fill on the next load's first runs


if __name__ == "__main__":
    main()
