"""What serve.py puts around Streamlit's server before it starts, for a server that anyone on an intranet can reach.

- Headers on every answer: a Content-Security-Policy (only this server; the one inline script of Streamlit's page by
  its hash), X-Frame-Options, Referrer-Policy, X-Content-Type-Options.
- A request whose Host is not in `server.allowedHosts` gets 400 (Streamlit checks only the websocket's Host).
- `/_stcore/metrics` answers 404: session counts and cache sizes are nobody's business on an intranet.
- A link whose query is longer than LINK_LIMIT is sent to the same page with only `link=too-long` (and its language):
  the default view and a notice (ui.core.shell.cap_link). Requests up to REQUEST_LIMIT are read whole for that;
  Uvicorn's
  parser alone refuses anything over 16 KB with a bare "400 Invalid HTTP request".
- A path deeper than one step that Streamlit does not serve (/ban-do/extra/deeper, /etc/passwd) is sent to
  /khong-tim-thay, which the app answers with a "page not found" page in the visitor's language; Streamlit would
  answer with its page, whose relative script addresses then point nowhere (a blank page).
- At most MAX_SESSIONS open sessions (PAPI_MAX_SESSIONS): beyond that the page is a short bilingual "busy, try again"
  (503) and the websocket is refused, well before the process runs out of file handles. Uvicorn's own connection limit
  backs it up for plain HTTP.
- No visitor can clear the server's caches for everyone (Streamlit's clear_cache message is ignored).
- The log is bounded: the same message more than LOG_BURST times a minute is counted, not written.
- CPU and memory under load: one full garbage collection a second (when there is anything new) instead of Streamlit's
  one after every script run, and freed memory given back to the system once closed sessions have been dropped.
"""

from __future__ import annotations

import asyncio
import base64
import ctypes
import ctypes.util
import gc
import hashlib
import logging
import os
import re
import resource
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import streamlit
from streamlit import config
from streamlit.runtime.app_session import AppSession
from streamlit.web.server.starlette import starlette_server
from streamlit.web.server.starlette.starlette_websocket import is_host_allowed

from ui.core.shell import LINK_LIMIT

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REQUEST_LIMIT = 1024 * 1024
NOT_FOUND_PATH = "khong-tim-thay"
STREAMLIT_PREFIXES = {"_stcore", "static", "app", "media", "component", "~"}  # what Streamlit itself serves
LOG_BURST, LOG_WINDOW_S = 10, 60.0
GC_EVERY_S = 1.0
GC_MIN_NEW_OBJECTS = 1000
TRIM_AFTER_S = 2.0  # after a closed session's TTL: Streamlit drops it in its next clean-up pass
_LANGS = ("vi", "en")
_BUSY = {
    "vi": "Máy chủ đang phục vụ quá nhiều người. Vui lòng thử lại sau vài phút.",
    "en": "The server is serving too many people. Please try again in a few minutes.",
}
_log = logging.getLogger("papi.serve")


def max_sessions() -> int:
    """PAPI_MAX_SESSIONS, or what the file-handle limit allows with room to spare (each session holds one or more)."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return int(os.environ.get("PAPI_MAX_SESSIONS") or 0) or max(10, min(1000, (soft - 256) // 3))


def _raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _inline_script_hashes() -> str:
    """CSP sources for the inline scripts of Streamlit's index.html (one today), so no 'unsafe-inline' is needed."""
    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)


def security_headers() -> list[tuple[bytes, bytes]]:
    policy = (
        f"default-src 'self'; script-src 'self' {_inline_script_hashes()}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        "frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-frame-options", b"SAMEORIGIN"),
        (b"referrer-policy", b"same-origin"),
        (b"x-content-type-options", b"nosniff"),
    ]


class Guard:
    """ASGI middleware around Streamlit's Starlette app (see the module's docstring)."""

    def __init__(self, app: ASGIApp, sessions: int):
        self.app = app
        self.max_sessions = sessions
        self.sessions = 0
        self.headers = security_headers()
        self.base = "/" + (config.get_option("server.baseUrlPath") or "").strip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        steps = scope["path"].removeprefix(self.base.rstrip("/")).strip("/").split("/")
        if scope["type"] == "websocket":
            return await self._websocket(scope, receive, send, host)
        if not is_host_allowed(host):
            return await self._answer(send, 400, "text/plain", b"Host not allowed")
        if steps[:2] == ["_stcore", "metrics"]:
            return await self._answer(send, 404, "text/plain", b"Not found")
        # An app page (or a file at the top, such as favicon.png). The browser also probes <page>/_stcore/health to
        # find the app's base address: Streamlit answers those.
        page = steps[0] not in STREAMLIT_PREFIXES and "_stcore" not in steps
        query = scope.get("query_string", b"")
        if page and len(steps) > 1:
            return await self._redirect(send, NOT_FOUND_PATH, query, "too-long" if len(query) > LINK_LIMIT else None)
        if page and len(query) > LINK_LIMIT:
            return await self._redirect(send, steps[0], query, "too-long")
        if page and self.sessions >= self.max_sessions:
            return await self._busy(send, query)
        return await self.app(scope, receive, self._with_headers(send))

    async def _websocket(self, scope: Scope, receive: Receive, send: Send, host: str | None) -> None:
        if self.sessions >= self.max_sessions or not is_host_allowed(host):
            if self.sessions >= self.max_sessions:
                _log.warning("refused a session: %d open, the limit is %d", self.sessions, self.max_sessions)
            return await send({"type": "websocket.close", "code": 1013})  # before accepting: the client sees 403
        self.sessions += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.sessions -= 1
            _trim_soon()

    def _with_headers(self, send: Send) -> Send:
        async def wrapped(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        return wrapped

    async def _answer(self, send: Send, status: int, kind: str, body: bytes, extra: list | None = None) -> None:
        headers = [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode()), *self.headers]
        await send({"type": "http.response.start", "status": status, "headers": headers + (extra or [])})
        await send({"type": "http.response.body", "body": body})

    async def _redirect(self, send: Send, step: str, query: bytes, link: str | None) -> None:
        lang = _lang(query)
        params = {k: v for k, v in (("lang", lang), ("link", link)) if v}
        location = f"{self.base.rstrip('/')}/{step}" + (f"?{urlencode(params)}" if params else "")
        await self._answer(send, 303, "text/plain", b"", [(b"location", location.encode())])

    async def _busy(self, send: Send, query: bytes) -> None:
        lang = _lang(query) or "vi"
        other = "en" if lang == "vi" else "vi"
        body = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>PAPI</title>'
            f"<p>{_BUSY[lang]}</p><p>{_BUSY[other]}</p></html>"
        ).encode()
        await self._answer(send, 503, "text/html; charset=utf-8", body, [(b"retry-after", b"60")])


_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
_trim_pending: list[asyncio.TimerHandle] = []


def _trim_soon() -> None:
    """Once a closed session has been dropped (after server.disconnectedSessionTTL), give the memory it freed back to
    the system: glibc keeps freed pages in its per-thread arenas, so without this the server stays at its peak."""
    for handle in _trim_pending:
        handle.cancel()  # one trim, after the last session of a wave has closed
    _trim_pending[:] = [
        asyncio.get_running_loop().call_later(
            float(config.get_option("server.disconnectedSessionTTL")) + TRIM_AFTER_S, _libc.malloc_trim, 0
        )
    ]


def _lang(query: bytes) -> str | None:
    values = parse_qs(query.decode("latin-1"), max_num_fields=50).get("lang", [])
    return values[0] if values and values[0] in _LANGS else None


class _LogBudget:
    """At most LOG_BURST records of one message (logger, text, level) a minute; the rest are counted and reported."""

    def __init__(self) -> None:
        self.window_start = time.monotonic()
        self.counts: dict[tuple[str, str, int], int] = {}

    def allow(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self.window_start > LOG_WINDOW_S:
            dropped = sum(max(0, n - LOG_BURST) for n in self.counts.values())
            self.window_start, self.counts = now, {}
            if dropped:
                _log.warning("%d repeated log messages were not written in the last minute", dropped)
        key = (record.name, str(record.msg), record.levelno)
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key] <= LOG_BURST


def _bound_the_log() -> None:
    budget = _LogBudget()
    handle = logging.Logger.handle

    def bounded(self: logging.Logger, record: logging.LogRecord) -> None:
        if budget.allow(record):
            handle(self, record)

    logging.Logger.handle = bounded  # type: ignore[method-assign]


def _ignore_clear_cache(_session: AppSession) -> None:
    """Streamlit's clear_cache message empties every cache of the server for everyone: not a visitor's call."""
    _log.warning("ignored a clear_cache request from a visitor")


def _collect_garbage_periodically() -> None:
    """One full garbage collection every GC_EVERY_S, instead of Streamlit's one after every script run
    (runner.postScriptGC, off in .streamlit/config.toml): under load that took about half of the server's CPU, since
    each walks every object of the process (the cached store and figures included)."""

    def loop() -> None:
        while True:
            time.sleep(GC_EVERY_S)
            if sum(gc.get_count()) > GC_MIN_NEW_OBJECTS:  # an idle server has nothing new to collect
                gc.collect()

    threading.Thread(target=loop, name="papi-gc", daemon=True).start()


def install() -> None:
    """Put the guards in place; call before Streamlit's server starts."""
    _raise_file_limit()
    _collect_garbage_periodically()
    _bound_the_log()
    AppSession._handle_clear_cache_request = _ignore_clear_cache  # type: ignore[method-assign,assignment]
    sessions = max_sessions()
    create_app, uvicorn_kwargs = starlette_server.create_starlette_app, starlette_server._get_uvicorn_config_kwargs

    def guarded_app(runtime: Any) -> ASGIApp:
        return Guard(create_app(runtime), sessions)

    def guarded_kwargs() -> dict[str, Any]:
        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        limits = {"h11_max_incomplete_event_size": REQUEST_LIMIT, "limit_concurrency": max(64, soft - 128)}
        return uvicorn_kwargs() | limits

    starlette_server.create_starlette_app = guarded_app  # type: ignore[assignment]
    starlette_server._get_uvicorn_config_kwargs = guarded_kwargs
