"""Slow connections: N clients that open a connection and send their request's headers a few bytes at a time (a
"slowloris"), held against one app server (`make run`) or the cluster (`make cluster`, through HAProxy), while a
normal visitor opens the home page. Loopback only, bounded in count and time.

    python -m bench.slow [--connections 500] [--servers 1|2] [--hold 20]

Reports a normal visitor's time for the page (HTTP) and for a new session's full script run of it (a Streamlit
session, after the servers' caches were filled), target ≤ 1 s, while the slow connections are held; and how many
slow connections were still open after the header-read timeout (app server: PAPI_HEADER_TIMEOUT_S, 10 s, and at most
PAPI_MAX_HALF_OPEN, 256, waiting; HAProxy: `timeout http-request`, 10 s).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import resource
import statistics
import time
from collections.abc import Iterator
from urllib.parse import urlparse

from deploy.cluster import running_cluster
from harness.server import free_port, running_app
from harness.sessions import Session

TARGET_S = 1.0
TRICKLE_EVERY_S = 2.0


async def slow_client(host: str, port: int, stop: asyncio.Event, open_now: list[int]) -> None:
    """One connection whose request headers never finish: a header line a byte every TRICKLE_EVERY_S."""
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        return
    open_now[0] += 1
    try:
        writer.write(f"GET / HTTP/1.1\r\nHost: {host}\r\nX-Slow: ".encode())
        while not stop.is_set():
            await writer.drain()
            with contextlib.suppress(TimeoutError):
                data = await asyncio.wait_for(reader.read(1024), TRICKLE_EVERY_S)
                if not data or data.startswith(b"HTTP/"):  # closed, or answered (408) and closed
                    return
            writer.write(b"a")
    except OSError:
        return
    finally:
        open_now[0] -= 1
        writer.close()


async def page_seconds(url: str) -> float:
    started = time.monotonic()
    reader, writer = await asyncio.open_connection(urlparse(url).hostname, urlparse(url).port)
    writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    await writer.drain()
    body = await asyncio.wait_for(reader.read(), 30)
    writer.close()
    assert body.startswith(b"HTTP/1.1 200"), body[:80]
    return time.monotonic() - started


async def run_seconds(url: str) -> float:
    started = time.monotonic()
    async with Session(url) as session:
        run = await session.run("", "year=2024")
        assert run.ok, run.problem
    return time.monotonic() - started


async def measure(url: str, connections: int, hold: float, servers: int) -> None:
    for _ in range(2):  # the first run of the page on each server fills the caches every session shares
        await asyncio.gather(*(run_seconds(url) for _ in range(servers)))
    parsed = urlparse(url)
    stop = asyncio.Event()
    open_now = [0]
    clients = [
        asyncio.create_task(slow_client(str(parsed.hostname), int(parsed.port or 80), stop, open_now))
        for _ in range(connections)
    ]
    await asyncio.sleep(2)  # let them all connect and start trickling
    held = open_now[0]
    pages = [await page_seconds(url) for _ in range(5)]
    runs = [await run_seconds(url) for _ in range(3)]
    await asyncio.sleep(max(0.0, hold - 2))
    still_open = open_now[0]
    stop.set()
    await asyncio.gather(*clients, return_exceptions=True)
    for name, values in [("page (HTTP)", pages), ("script run (session)", runs)]:
        worst = max(values)
        print(
            f"  {name:<22} with {held} slow connections held: median {statistics.median(values) * 1000:6.0f} ms, "
            f"max {worst * 1000:6.0f} ms  target ≤ {TARGET_S * 1000:g} ms {'OK' if worst <= TARGET_S else 'OVER'}",
            flush=True,
        )
    print(f"  slow connections still open after {hold:g} s: {still_open} of {connections}", flush=True)


@contextlib.contextmanager
def target(servers: int) -> Iterator[str]:
    if servers == 1:
        with running_app("bench-slow", port=free_port(8700, 8799)) as (url, _group):
            yield url
    else:
        with running_cluster(servers, port=free_port(8700, 8790)) as cluster:
            yield cluster.url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--hold", type=float, default=20.0, help="seconds the slow connections are held")
    args = parser.parse_args(argv)
    assert 0 < args.connections <= 2000 and 1 <= args.servers <= 4 and 0 < args.hold <= 120
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.connections + 256)), hard))
    label = "one app server (make run)" if args.servers == 1 else f"{args.servers} servers behind HAProxy"
    print(f"{args.connections} slow connections against {label}:", flush=True)
    with target(args.servers) as url:
        asyncio.run(measure(url, args.connections, args.hold, args.servers))


if __name__ == "__main__":
    main()
