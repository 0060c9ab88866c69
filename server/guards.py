"""The guards around Streamlit's app, as ASGI middleware (server/app.py lists them, outermost first), for a server that
anyone on an intranet can reach. They apply to the server's own routes (/healthz, /api/…) as much as to Streamlit's.

- SecurityHeaders: a Content-Security-Policy on every answer (only this server; the one inline script of Streamlit's
  page by its hash), X-Frame-Options, Referrer-Policy, X-Content-Type-Options. The sites an administrator lets embed
  the app (PAPI_EMBED_ORIGINS) join `frame-ancestors`; X-Frame-Options, which cannot name them, is then left out.
- AllowedHosts: a request whose Host is not in `server.allowedHosts` gets 400 (Streamlit checks only the websocket's),
  except readiness, which the proxy checks by the server's own address and which tells a stranger only the store's
  status (server/health.py).
- Addresses: `/_stcore/metrics` answers 404 (session counts and cache sizes are nobody's business); a link whose query
  is longer than LINK_LIMIT is sent to the same page with only `link=too-long` (and its language): the default view
  and a notice (ui.core.shell.cap_link); a path deeper than one step that neither Streamlit nor this server serves
  (/ban-do/extra, /etc/passwd) is sent to /khong-tim-thay, a "page not found" page in the visitor's language
  (Streamlit would answer with its page, whose relative script addresses then point nowhere: a blank page).
- SessionCap: at most `sessions` open sessions; beyond that a page is a short bilingual "busy, try again" (503) and the
  websocket is refused, well before the process runs out of file handles.
- NoCacheClearing: Streamlit's clear_cache message (any browser may send it) would empty every cache of the server for
  everyone; it is dropped on its way in, and logged.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import streamlit
from google.protobuf.message import DecodeError  # type: ignore[import-untyped]
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.web.server.starlette.starlette_websocket import is_host_allowed

from server import memory
from server.health import PATH as READINESS
from ui.core.shell import LINK_LIMIT

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NOT_FOUND_PATH = "khong-tim-thay"
STREAMLIT_PREFIXES = {"_stcore", "static", "app", "media", "component", "~"}  # what Streamlit itself serves
SERVER_PREFIXES = {"api", READINESS.strip("/")}  # this server's own routes (server/app.py)
_LANGS = ("vi", "en")
_BUSY = {
    "vi": "Máy chủ đang phục vụ quá nhiều người. Vui lòng thử lại sau vài phút.",
    "en": "The server is serving too many people. Please try again in a few minutes.",
}
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
_log = logging.getLogger("papi.serve")


def _inline_script_hashes() -> str:
    """CSP sources for the inline scripts of Streamlit's index.html (one today), so no 'unsafe-inline' is needed."""
    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)


def embed_origins(value: str) -> tuple[str, ...]:
    """The origins of PAPI_EMBED_ORIGINS (space-separated, e.g. "https://portal.example.gov.vn"); anything that is not
    a bare http(s) origin stops the server with a clear message rather than loosening the policy by mistake."""
    origins = tuple(value.split())
    wrong = [o for o in origins if not _ORIGIN.match(o) or urlsplit(o).path]
    if wrong:
        raise ValueError(f"PAPI_EMBED_ORIGINS: not an origin (scheme://host[:port]): {' '.join(wrong)}")
    return origins


def security_headers(embedders: Sequence[str] = ()) -> list[tuple[bytes, bytes]]:
    ancestors = " ".join(["'self'", *embedders])
    policy = (
        f"default-src 'self'; script-src 'self' {_inline_script_hashes()}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        f"frame-src 'self'; frame-ancestors {ancestors}; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
    headers = [
        (b"content-security-policy", policy.encode()),
        (b"referrer-policy", b"same-origin"),
        (b"x-content-type-options", b"nosniff"),
    ]
    return headers if embedders else [*headers, (b"x-frame-options", b"SAMEORIGIN")]


async def answer(send: Send, status: int, kind: str, body: bytes, extra: Sequence[tuple[bytes, bytes]] = ()) -> None:
    """A whole plain answer."""
    headers = [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _lang(query: bytes) -> str | None:
    values = parse_qs(query.decode("latin-1"), max_num_fields=50).get("lang", [])
    return values[0] if values and values[0] in _LANGS else None


def _steps(scope: Scope, base: str) -> list[str]:
    return str(scope["path"]).removeprefix(base).strip("/").split("/")


def _is_page(steps: list[str]) -> bool:
    """An app page (or a file at the top, such as favicon.png), as opposed to what Streamlit or this server serves.
    The browser also probes <page>/_stcore/health to find the app's base address: Streamlit answers those."""
    return steps[0] not in STREAMLIT_PREFIXES | SERVER_PREFIXES and "_stcore" not in steps


class SecurityHeaders:
    def __init__(self, app: ASGIApp, embedders: Sequence[str] = ()) -> None:
        self.app = app
        self.headers = security_headers(embedders)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)


class AllowedHosts:
    def __init__(self, app: ASGIApp, allowed: Callable[[str | None], bool] = is_host_allowed) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        if self.allowed(host) or str(scope["path"]).endswith(READINESS):
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        await answer(send, 400, "text/plain", b"Host not allowed")


class Addresses:
    def __init__(self, app: ASGIApp, base: str = "") -> None:
        self.app = app
        self.base = "/" + base.strip("/") if base.strip("/") else ""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        steps = _steps(scope, self.base)
        if steps[:2] == ["_stcore", "metrics"]:
            return await answer(send, 404, "text/plain", b"Not found")
        query = scope.get("query_string", b"")
        if _is_page(steps) and len(steps) > 1:
            return await self._redirect(send, NOT_FOUND_PATH, query, "too-long" if len(query) > LINK_LIMIT else None)
        if _is_page(steps) and len(query) > LINK_LIMIT:
            return await self._redirect(send, steps[0], query, "too-long")
        await self.app(scope, receive, send)

    async def _redirect(self, send: Send, step: str, query: bytes, link: str | None) -> None:
        params = {k: v for k, v in (("lang", _lang(query)), ("link", link)) if v}
        location = f"{self.base}/{step}" + (f"?{urlencode(params)}" if params else "")
        await answer(send, 303, "text/plain", b"", [(b"location", location.encode())])


class SessionCap:
    def __init__(self, app: ASGIApp, sessions: int, base: str = "") -> None:
        self.app = app
        self.max_sessions = sessions
        self.sessions = 0
        self.base = "/" + base.strip("/") if base.strip("/") else ""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            return await self._session(scope, receive, send)
        if scope["type"] == "http" and self.sessions >= self.max_sessions and _is_page(_steps(scope, self.base)):
            return await self._busy(send, scope.get("query_string", b""))
        await self.app(scope, receive, send)

    async def _session(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.sessions >= self.max_sessions:
            _log.warning("refused a session: %d open, the limit is %d", self.sessions, self.max_sessions)
            return await send({"type": "websocket.close", "code": 1013})  # before accepting: the client sees 403
        self.sessions += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.sessions -= 1
            memory.trim_soon()

    async def _busy(self, send: Send, query: bytes) -> None:
        lang = _lang(query) or "vi"
        other = "en" if lang == "vi" else "vi"
        body = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>PAPI</title>'
            f"<p>{_BUSY[lang]}</p><p>{_BUSY[other]}</p></html>"
        ).encode()
        await answer(send, 503, "text/html; charset=utf-8", body, [(b"retry-after", b"60")])


class NoCacheClearing:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)

        async def without_clear_cache() -> Message:
            while True:
                message = await receive()
                if message["type"] != "websocket.receive" or not _clears_cache(message.get("bytes")):
                    return message
                _log.warning("ignored a clear_cache request from a visitor")

        await self.app(scope, without_clear_cache, send)


def _clears_cache(data: bytes | None) -> bool:
    if not data:
        return False
    try:
        return BackMsg.FromString(data).WhichOneof("type") == "clear_cache"
    except DecodeError:
        return False  # Streamlit answers a garbled message itself
