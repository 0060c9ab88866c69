"""The whole hostile-link list (harness/hostile_links.py) against the real server, as sessions speaking Streamlit's
protocol: exceptions (including the app's own "something went wrong" page), unescaped echoes, time per load.

    python -m bench.hostile [--every 1] [--parallel 3]
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import statistics
import time
from urllib.parse import unquote, urlparse

from harness.hostile_links import PAGES, Link, hostile_links
from harness.server import free_port, running_app
from harness.sessions import Session
from ui.core.i18n import t

CRASH = (t("app_error", "vi"), t("app_error", "en"))
SLOW_S = 5.0


def _follow(url: str, link: Link) -> tuple[str, str]:
    """A deep address is answered over HTTP with a redirect (server/guards.py): the page and query it leads to."""
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    connection.request("GET", f"/{link.page}?{link.query}")
    response = connection.getresponse()
    location = response.getheader("Location") or f"/{link.page}?{link.query}"
    connection.close()
    target = urlparse(location)
    return unquote(target.path.strip("/")), target.query


async def check(url: str, link: Link) -> tuple[float, str, bool]:
    """(seconds, problem or "", echoed)."""
    page, query = _follow(url, link) if "/" in link.page else (unquote(link.page), link.query)
    started = time.perf_counter()
    try:
        async with Session(url) as session:
            run = await session.run(page, query)
    except Exception as err:
        return time.perf_counter() - started, f"{type(err).__name__}: {err}", False
    problem = run.problem or ("the page crashed" if any(c in text for c in CRASH for text in run.texts) else "")
    echoed = bool(link.markup) and any(link.markup in text for text in run.texts)
    return run.seconds, problem, echoed


async def check_all(url: str, links: list[Link], parallel: int) -> list[tuple[Link, float, str, bool]]:
    async with Session(url) as session:  # first runs fill the caches that every session shares: not what is timed
        for page in PAGES:
            await session.run(page)
    gate = asyncio.Semaphore(parallel)

    async def one(link: Link) -> tuple[Link, float, str, bool]:
        async with gate:
            return (link, *await check(url, link))

    return await asyncio.gather(*(one(link) for link in links))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="check every n-th link only")
    parser.add_argument("--parallel", type=int, default=3)
    args = parser.parse_args(argv)
    links = hostile_links()[:: args.every]
    with running_app("bench-hostile", port=free_port(8700, 8799)) as (url, _group):
        started = time.perf_counter()
        results = asyncio.run(check_all(url, links, args.parallel))
        elapsed = time.perf_counter() - started
    crashed = [(link, problem) for link, _s, problem, _e in results if problem]
    echoed = [link for link, _s, _p, echo in results if echo]
    slow = [(link, s) for link, s, _p, _e in results if s > SLOW_S]
    known = sum(link.known_failure for link, _p in crashed)
    times = sorted(s for _l, s, _p, _e in results)
    print(
        f"hostile links: {len(results)} loads in {elapsed:.0f} s; exceptions {len(crashed)} ({known} known: the lead's "
        f"URL-parsing rework), unescaped echoes {len(echoed)}, over {SLOW_S:g} s {len(slow)}; per load median "
        f"{statistics.median(times):.2f} s, p95 {statistics.quantiles(times, n=20)[-1]:.2f} s, max {times[-1]:.2f} s",
        flush=True,
    )
    for link, problem in crashed[:20]:
        print(f"    exception{' (known)' if link.known_failure else ''}: {link}  {problem[:120]}")
    for link in echoed[:20]:
        print(f"    echo: {link}")
    for link, seconds in slow[:20]:
        print(f"    slow ({seconds:.1f} s): {link}")


if __name__ == "__main__":
    main()
