"""One headless Chromium per server process for every export: chart images (PNG, SVG) through kaleido, and printed
pages (PDF) through the same browser's print-to-PDF.

kaleido 1.x drives Debian's Chromium (/usr/bin/chromium) over a pipe. Starting it costs seconds (about 6 s here, 13 s
cold), so the server starts it in the background when it starts (`warm_in_background`), or the first export does, and
keeps it: later exports reuse its tabs. It runs offline: plotly.js
comes from the plotly package, MathJax is off (kaleido would fetch it from a CDN), and the map's base-map files are the
app's own (static/topojson). The browser and its event loop live in a thread of their own; any thread (Streamlit's
script runs, its download workers) submits work and waits for the answer. A browser that died is started again on the
next export; a failed export raises RenderError and leaves everything else as it was.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import logging
import tempfile
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, Literal, TypeVar

from geo import static_files

CHROMIUM = "/usr/bin/chromium"
TOPOJSON = (Path(__file__).resolve().parents[2] / "static" / "topojson").as_uri() + "/"
START_TIMEOUT_S = 90  # a cold start on a busy 2-core machine
RENDER_TIMEOUT_S = 60
TABS = 2  # figures rendered at once; a third waits for a free tab

ImageFormat = Literal["png", "svg"]
T = TypeVar("T")
_log = logging.getLogger("papi.exports")


class RenderError(Exception):
    """An export could not be made: no browser, a crash, a timeout or a figure the browser refused."""


def with_geometry(figure: dict) -> dict:
    """The figure with the provinces' geometry inline: on the page a map names it by URL, which the reader's browser
    fetches from the app (geo/static_files.py); the export browser has no app to ask."""
    traces = figure.get("data", [])
    named = [isinstance(trace.get("geojson"), str) for trace in traces]
    if not any(named):
        return figure
    data = []
    for trace, by_url in zip(traces, named, strict=True):
        geometry = static_files.geometry_of_url(trace["geojson"]) if by_url else None
        if by_url and geometry is None:
            raise RenderError(f"no geometry known at {trace['geojson']}")
        data.append({**trace, "geojson": geometry} if by_url else trace)
    return {**figure, "data": data}


class Renderer:
    """The shared browser. `image` renders a plotly figure, `pdf` prints an HTML page; both block until done."""

    def __init__(self, chromium: str = CHROMIUM, tabs: int = TABS) -> None:
        self._chromium = chromium
        self._tabs = tabs
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._browser: Any = None  # kaleido.Kaleido, started on first use
        self._print_tab: Any = None
        self._print_lock: asyncio.Lock | None = None
        self.starts = 0  # how many times a browser was started (once, unless one died)

    # --- public ---------------------------------------------------------------------------------------------------

    def image(self, figure: dict, fmt: ImageFormat, width: int, height: int) -> bytes:
        """The figure as PNG (at exactly width × height pixels) or SVG."""
        opts = {"format": fmt, "width": width, "height": height, "scale": 1}
        figure = with_geometry(figure)
        return self._run(lambda browser: browser.calc_fig(figure, opts=opts, topojson=TOPOJSON))

    def images(self, figures: list[dict], fmt: ImageFormat, width: int, height: int) -> list[bytes]:
        """Several figures at once, on the browser's tabs side by side (a deck)."""
        opts = {"format": fmt, "width": width, "height": height, "scale": 1}

        async def render_all(browser: Any) -> list[bytes]:
            return list(
                await asyncio.gather(
                    *(browser.calc_fig(with_geometry(f), opts=opts, topojson=TOPOJSON) for f in figures)
                )
            )

        return self._run(render_all)

    def pdf(self, html: str) -> bytes:
        """An HTML page (UTF-8, its own @page size and margins) printed to PDF."""
        return self._run(lambda browser: self._print(browser, html))

    def warm(self) -> None:
        """Start the browser and render a blank figure, so the first reader's export finds it ready (the server calls
        this in the background at start). A failure is only logged: the first export tries again and says so."""
        try:
            self.image({"data": [], "layout": {}}, "png", 16, 16)
        except RenderError as error:
            _log.warning("the export browser did not warm up: %s", error)

    @property
    def running(self) -> bool:
        return self._browser is not None

    def close(self) -> None:
        with self._lock:
            if self._loop is None:
                return
            if self._browser is not None:
                self._wait(self._loop, self._close_browser(), timeout=30)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._loop = None

    # --- the browser's thread ---------------------------------------------------------------------------------------

    def _run(self, work: Any) -> Any:
        loop, browser = self._started()
        try:
            return self._wait(loop, work(browser), timeout=RENDER_TIMEOUT_S + 10)
        except Exception as error:
            if not self._alive(browser):
                _log.warning("the export browser died; it is started again on the next export")
                with self._lock:
                    if self._browser is browser:
                        self._wait(loop, self._close_browser(), timeout=30, quiet=True)
            raise RenderError(f"{type(error).__name__}: {error}") from error

    def _started(self) -> tuple[asyncio.AbstractEventLoop, Any]:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(target=self._loop.run_forever, name="export-browser", daemon=True).start()
            if self._browser is None:
                try:
                    self._browser = self._wait(self._loop, self._open(), timeout=START_TIMEOUT_S)
                except Exception as error:
                    raise RenderError(f"the browser did not start: {type(error).__name__}: {error}") from error
                self.starts += 1
            return self._loop, self._browser

    @staticmethod
    def _wait(
        loop: asyncio.AbstractEventLoop, work: Coroutine[Any, Any, T], *, timeout: float, quiet: bool = False
    ) -> T:
        future: Future[T] = asyncio.run_coroutine_threadsafe(work, loop)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout as error:
            future.cancel()
            raise TimeoutError(f"no answer within {timeout:g} s") from error
        except Exception:
            if quiet:
                return None  # type: ignore[return-value]  # closing a dead browser: nothing to report
            raise

    async def _open(self) -> Any:
        import kaleido  # imported here: it starts nothing, but the app's pages should not pay for it

        browser = kaleido.Kaleido(n=self._tabs, path=self._chromium, mathjax=False, timeout=RENDER_TIMEOUT_S)
        await browser.open()
        self._print_tab = None
        self._print_lock = asyncio.Lock()
        return browser

    async def _close_browser(self) -> None:
        browser, self._browser, self._print_tab = self._browser, None, None
        if browser is not None:
            await browser.close()

    @staticmethod
    def _alive(browser: Any) -> bool:
        process = getattr(browser, "subprocess", None)
        return process is not None and process.poll() is None

    async def _print(self, browser: Any, html: str) -> bytes:
        """Load the page from a file (the browser reads file:// pages; no server is involved) and print it."""
        assert self._print_lock is not None
        async with self._print_lock:  # one page at a time on the print tab
            if self._print_tab is None:
                self._print_tab = await browser.create_tab("")
                _check(await self._print_tab.send_command("Page.enable"))
            tab = self._print_tab
            with tempfile.TemporaryDirectory(prefix="papi-print-") as folder:
                page = Path(folder) / "page.html"
                page.write_text(html, encoding="utf-8")
                loaded = tab.subscribe_once("Page.loadEventFired")
                _check(await tab.send_command("Page.navigate", params={"url": page.as_uri()}))
                await asyncio.wait_for(loaded, RENDER_TIMEOUT_S)
                answer = await tab.send_command(
                    "Page.printToPDF",
                    params={"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False},
                )
            _check(answer)
            return base64.b64decode(answer["result"]["data"])


def _check(answer: dict) -> None:
    if "error" in answer:
        raise RenderError(f"the browser refused: {answer['error']}")


_shared: Renderer | None = None
_shared_lock = threading.Lock()


def warm_in_background() -> threading.Thread:
    """Warm the shared renderer in a thread of its own: the server is ready while the browser starts."""
    thread = threading.Thread(target=lambda: shared().warm(), name="export-warm-up", daemon=True)
    thread.start()
    return thread


def shared() -> Renderer:
    """The server's renderer: one per process, its browser started on the first export."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Renderer()
            atexit.register(_shared.close)
        return _shared
