"""The open-data API's figures (issue 23), against a server this script starts on loopback:

    python -m bench.api [--rate 200] [--seconds 20] [--sessions 4]

1. API alone (server.api's routes in a Starlette app under uvicorn, one process): the time of a scores CSV for one
   year and metric (warm: the answer made; and a fresh query each time), the whole store as Parquet, a chart image
   cold (the export browser started) and warm.
2. Load: `--rate` requests a second for `--seconds`, a mix of every endpoint, paced (open loop): achieved rate,
   errors, median and p95.
3. Pages beside it: the app and the API in one process (streamlit.starlette.App(routes=api.routes()), as the server
   mounts it), `--sessions` page sessions running the pages' actions (bench/load.py) without and then with the API
   under that load: the pages' median and p95 time per run, before and after.

Times are measured by the client on loopback (they include the HTTP round trip).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2

from bench.common import report
from bench.load import ACTIONS, cpu_seconds
from harness.server import free_port
from harness.sessions import Session

ROOT = Path(__file__).resolve().parents[1]
MIX = [  # what scripts and portals ask for, each answer made once and then served from memory
    "/api/v1/scores.csv?year=2024&metric=total",
    "/api/v1/scores.json?year=2018-2024&metric=total&province=01,79,27",
    "/api/v1/scores.csv?year=2023&metric=d4_control_of_corruption&region=red_river_delta",
    "/api/v1/scores.parquet?year=2022",
    "/api/v1/provinces.json",
    "/api/v1/metrics.csv",
    "/api/v1/plans.json?province=ha%20noi",
    "/api/v1/citation.json?year=2024",
    "/api/v1/charts/map.png?year=2024",
    "/api/v1/charts/ranking.svg?year=2023&province=48",
    "/api/v1/scores.csv?year=abc",  # a bad request: answered with its 400, counted as expected
]


def serve(port: int, with_app: bool) -> None:
    """The server process: the API's routes alone, or beside the app (as the server mounts them)."""
    import uvicorn
    from starlette.applications import Starlette

    from server import api

    if with_app:
        from streamlit.starlette import App

        app = App(str(ROOT / "app.py"), routes=api.routes())
    else:
        app = Starlette(routes=api.routes())
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


@contextlib.contextmanager
def running(with_app: bool) -> Iterator[tuple[str, int]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.api", "--serve", str(port), *(["--with-app"] if with_app else [])],
        cwd=ROOT,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "STREAMLIT_LOGGER_LEVEL": "warning"},  # no line per request
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(httpx2.TransportError):
                if httpx2.get(f"{url}/api/v1/provinces.csv", timeout=60).status_code == 200:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.5)
        yield url, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def timed_get(client: httpx2.Client, path: str) -> float:
    start = time.perf_counter()
    answer = client.get(path)
    assert answer.status_code == 200, (path, answer.status_code, answer.text[:200])
    return (time.perf_counter() - start) * 1000


def latency(url: str, repeat: int) -> None:
    with httpx2.Client(base_url=url, timeout=120) as client:
        one = "/api/v1/scores.csv?year=2024&metric=total"
        timed_get(client, one)
        report("scores.csv, one year and metric, warm", [timed_get(client, one) for _ in range(repeat)], 20)
        codes = [row["province_code"] for row in client.get("/api/v1/provinces.json").json()["data"]]
        fresh = [  # a province list of its own each time: an answer not made before
            f"/api/v1/scores.csv?year={2011 + i % 14}&metric=total,d1_participation&province="
            + ",".join(codes[(i * 7 + k) % len(codes)] for k in range(1 + i % 5))
            for i in range(repeat)
        ]
        report("scores.csv, a new query each time (made, not from memory)", [timed_get(client, p) for p in fresh], 20)
        whole = "/api/v1/scores.parquet"
        report("the whole store as Parquet, first (made)", [timed_get(client, whole)], 200)
        report("the whole store as Parquet, warm", [timed_get(client, whole) for _ in range(20)], 200)
        report("the whole store as CSV, first (made)", [timed_get(client, "/api/v1/scores.csv")])
        timed_get(client, "/api/v1/charts/radar.png?year=2024")  # starts the export browser
        cold = [timed_get(client, f"/api/v1/charts/map.png?year={year}&lang=en") for year in (2019, 2020, 2021)]
        report("chart image, map PNG 1200×675, cold (browser started)", cold, 2000)
        warm = [timed_get(client, "/api/v1/charts/map.png?year=2019&lang=en") for _ in range(50)]
        report("chart image, map PNG, warm (from memory)", warm, 50)


async def load(url: str, rate: float, seconds: float) -> tuple[int, int, list[float], float]:
    """Requests at `rate` a second, paced: (answered, errors, times in ms, seconds taken)."""
    times: list[float] = []
    errors = 0
    limits = httpx2.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx2.AsyncClient(base_url=url, timeout=30, limits=limits) as client:

        async def one(path: str) -> None:
            nonlocal errors
            start = time.perf_counter()
            try:
                answer = await client.get(path)
                expected = 400 if "year=abc" in path else 200
                if answer.status_code != expected:
                    errors += 1
            except httpx2.HTTPError:
                errors += 1
            times.append((time.perf_counter() - start) * 1000)

        for path in MIX:  # every answer made once before the clock starts
            await one(path)
        times.clear()
        tasks = []
        begin = time.perf_counter()
        for i in range(int(rate * seconds)):
            delay = begin + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(MIX[i % len(MIX)])))
        await asyncio.gather(*tasks)
        taken = time.perf_counter() - begin
    return len(times), errors, times, taken


def report_load(name: str, answered: int, errors: int, times: list[float], taken: float, rate: float) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    achieved = answered / taken
    verdict = "OK" if achieved >= rate * 0.98 and errors == 0 else "UNDER"
    print(
        f"{name:<52} {achieved:6.1f} req/s over {taken:.1f} s, {errors} errors,"
        f" median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms  target {rate:g} req/s without errors {verdict}",
        flush=True,
    )


async def page_runs(url: str, sessions: int, seconds: float) -> list[float]:
    """Page sessions running the load benchmark's actions one after another for `seconds`: each run's time (ms)."""
    times: list[float] = []
    stop_at = time.monotonic() + seconds

    async def visitor(seed: int) -> None:
        rng = random.Random(seed)
        async with Session(url) as session:
            while time.monotonic() < stop_at:
                run = await session.run(*rng.choice(ACTIONS))
                if run.ok:
                    times.append(run.seconds * 1000)
                await asyncio.sleep(rng.uniform(0.5, 1.5))

    await asyncio.gather(*(visitor(i) for i in range(sessions)))
    return times


async def pages_beside(url: str, sessions: int, seconds: float, rate: float) -> None:
    async with Session(url) as session:  # the first run of each page fills the caches shared by all sessions
        for action in ACTIONS:
            await session.run(*action)
    alone = await page_runs(url, sessions, seconds)
    beside, api_load = await asyncio.gather(page_runs(url, sessions, seconds), load(url, rate, seconds))
    for name, runs in ((f"page runs, {sessions} sessions, API idle", alone), ("  with the API under load", beside)):
        print(
            f"{name:<52} median {statistics.median(runs):8.1f} ms  p95 {statistics.quantiles(runs, n=20)[-1]:.1f} ms"
            f"  (n={len(runs)})",
            flush=True,
        )
    worse = statistics.median(beside) / statistics.median(alone) - 1
    print(f"{'  pages slower by':<52} {worse * 100:+8.1f} %  target ≤ +10 % {'OK' if worse <= 0.10 else 'OVER'}")
    report_load(f"  the API beside {sessions} page sessions", *api_load, rate)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--with-app", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.with_app)
        return
    print("== the API alone (one process) ==", flush=True)
    with running(with_app=False) as (url, group):
        latency(url, args.repeat)
        cpu = cpu_seconds(group, "bench.api")
        answered, errors, times, taken = asyncio.run(load(url, args.rate, args.seconds))
        cpu = cpu_seconds(group, "bench.api") - cpu
        report_load(f"load, {args.rate:g} req/s for {args.seconds:g} s", answered, errors, times, taken, args.rate)
        print(f"{'  server CPU per request':<52} {cpu * 1000 / answered:8.2f} ms", flush=True)
    print(f"== the app and the API in one process, {args.sessions} page sessions ==", flush=True)
    with running(with_app=True) as (url, _):
        asyncio.run(pages_beside(url, args.sessions, args.seconds, args.rate))


if __name__ == "__main__":
    main()
