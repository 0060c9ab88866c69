"""The server's guards (server/guards.py), driven as ASGI with a stand-in for Streamlit's app, stacked as server/app.py
stacks them: what they answer themselves, what they pass on, the session limit, the embedding origins; the log
budget; and the Streamlit hooks the server relies on. (The running server: tests/e2e/test_hardening.py.)"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.web.server.starlette import starlette_server

from harness.sessions import run_sync
from server import app as server_app
from server import logs
from server.guards import (
    NOT_FOUND_PATH,
    Addresses,
    AllowedHosts,
    NoCacheClearing,
    SecurityHeaders,
    SessionCap,
    embed_origins,
)
from ui.core.shell import LINK_LIMIT


class Streamlit:
    """Answers 200 to HTTP; holds a websocket open until told to let go, recording what it receives."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.received: list[Any] = []
        self.release = asyncio.Event()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        self.calls.append(scope["path"])
        if scope["type"] == "websocket":
            await send({"type": "websocket.accept"})
            await self.release.wait()
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"page"})


def stack(app: Streamlit, sessions: int = 2, embedders: tuple[str, ...] = ()) -> Any:
    """The guards in server/app.py's order, outermost first, around `app`."""
    allowed = {"localhost", "127.0.0.1"}
    inner: Any = NoCacheClearing(app)
    inner = SessionCap(inner, sessions=sessions)
    inner = Addresses(inner)
    inner = AllowedHosts(inner, allowed=lambda host: (host or "").split(":")[0] in allowed)
    return SecurityHeaders(inner, embedders=embedders)


def scope(path: str, query: bytes = b"", host: str = "localhost:8501", kind: str = "http") -> dict:
    return {"type": kind, "path": path, "query_string": query, "headers": [(b"host", host.encode())]}


def request(guard: Any, path: str, query: bytes = b"", host: str = "localhost:8501") -> tuple[int, dict, bytes]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.disconnect"}

    run_sync(guard(scope(path, query, host), receive, send))
    headers = {k.decode(): v.decode() for k, v in sent[0]["headers"]}
    return sent[0]["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture
def app() -> Streamlit:
    return Streamlit()


@pytest.fixture
def guard(app: Streamlit) -> Any:
    return stack(app)


def test_pages_pass_with_the_security_headers(guard: Any, app: Streamlit) -> None:
    status, headers, body = request(guard, "/ban-do", b"lang=en&year=2020")
    assert (status, body, app.calls) == (200, b"page", ["/ban-do"])
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'self';" in headers["content-security-policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert headers["x-frame-options"] == "SAMEORIGIN" and headers["referrer-policy"] == "same-origin"


def test_the_origins_an_administrator_lists_may_embed_the_app(app: Streamlit) -> None:
    origins = embed_origins(" https://portal.example.gov.vn  http://intranet.local:8080 ")
    _status, headers, _ = request(stack(app, embedders=origins), "/ban-do")
    ancestors = headers["content-security-policy"].split("frame-ancestors ")[1].split(";")[0]
    assert ancestors == "'self' https://portal.example.gov.vn http://intranet.local:8080"
    assert "x-frame-options" not in headers  # it cannot name them; CSP's frame-ancestors rules instead


@pytest.mark.parametrize("value", ["*", "https://a.example/path", "javascript:alert(1)", "https://a.example;x"])
def test_an_embed_origin_that_is_not_one_stops_the_server(value: str) -> None:
    with pytest.raises(ValueError, match="PAPI_EMBED_ORIGINS"):
        embed_origins(value)


def test_metrics_are_closed_and_health_open(guard: Any, app: Streamlit) -> None:
    assert request(guard, "/_stcore/metrics")[0] == 404
    assert request(guard, "/_stcore/health")[0] == 200
    assert app.calls == ["/_stcore/health"]


def test_a_foreign_host_is_refused(guard: Any, app: Streamlit) -> None:
    status, headers, _ = request(guard, "/", host="attacker.example")
    assert status == 400 and "content-security-policy" in headers
    assert request(guard, "/api/v1/scores", host="attacker.example")[0] == 400
    assert app.calls == []


@pytest.mark.parametrize(
    ("path", "query", "location"),
    [
        ("/ban-do/extra/deeper", b"", f"/{NOT_FOUND_PATH}"),
        ("/etc/passwd", b"lang=en", f"/{NOT_FOUND_PATH}?lang=en"),
        ("/ho-so-tinh", b"lang=en&q=" + b"a" * 100_000, "/ho-so-tinh?lang=en&link=too-long"),
        ("/ho-so-tinh", b"lang=<script>&q=" + b"a" * 100_000, "/ho-so-tinh?link=too-long"),
        ("/a/b", b"q=" + b"a" * (LINK_LIMIT + 1), f"/{NOT_FOUND_PATH}?link=too-long"),
    ],
)
def test_deep_paths_and_long_links_are_sent_somewhere_useful(
    guard: Any, app: Streamlit, path: str, query: bytes, location: str
) -> None:
    status, headers, _ = request(guard, path, query)
    assert (status, headers["location"], app.calls) == (303, location, [])


def test_under_a_base_path_the_redirects_keep_it(app: Streamlit) -> None:
    status, headers, _ = request(Addresses(app, base="papi"), "/papi/ban-do/extra", b"lang=en")
    assert (status, headers["location"]) == (303, f"/papi/{NOT_FOUND_PATH}?lang=en")


@pytest.mark.parametrize(
    "path",
    [
        "/ban-do/_stcore/health",
        "/static/js/index.js",
        "/app/static/x.json",
        "/favicon.png",
        "/healthz",
        "/api/v1/provinces/79/scores",
    ],
)
def test_what_streamlit_and_the_server_serve_passes(guard: Any, app: Streamlit, path: str) -> None:
    status, headers, _ = request(guard, path, b"q=" + b"a" * (LINK_LIMIT + 1) if path.startswith("/api") else b"")
    assert status == 200 and "content-security-policy" in headers
    assert app.calls == [path]


def test_sessions_over_the_limit_are_refused_clearly(app: Streamlit) -> None:
    guard = stack(app)
    cap = guard.app.app.app  # SecurityHeaders > AllowedHosts > Addresses > SessionCap

    async def scenario() -> tuple[list, int, bytes, int, list]:
        answers: list[list[dict]] = []

        async def connect() -> None:
            sent: list[dict] = []
            answers.append(sent)

            async def send(message: dict) -> None:
                sent.append(message)

            await guard(scope("/_stcore/stream", kind="websocket"), asyncio.Event().wait, send)

        open_two = [asyncio.create_task(connect()) for _ in range(2)]
        await asyncio.sleep(0)  # let both sessions open
        await connect()  # the third: refused at once
        page: list[dict] = []

        async def send(message: dict) -> None:
            page.append(message)

        await guard(scope("/ban-do", b"lang=en"), asyncio.Event().wait, send)
        api: list[dict] = []

        async def send_api(message: dict) -> None:
            api.append(message)

        await guard(scope("/api/v1/provinces"), asyncio.Event().wait, send_api)
        app.release.set()
        await asyncio.gather(*open_two)
        after: list[dict] = []

        async def send_after(message: dict) -> None:
            after.append(message)

        await guard(scope("/ban-do"), asyncio.Event().wait, send_after)
        return answers, page[0]["status"], page[1]["body"], api[0]["status"], after

    answers, status, body, api_status, after = run_sync(scenario())
    assert [a[0]["type"] for a in answers] == ["websocket.accept", "websocket.accept", "websocket.close"]
    assert answers[2][0]["code"] == 1013
    assert status == 503 and b"too many people" in body and "quá nhiều".encode() in body
    assert api_status == 200  # the API is not a session
    assert after[0]["status"] == 200 and cap.sessions == 0


def test_a_visitor_cannot_clear_the_caches(app: Streamlit, caplog: pytest.LogCaptureFixture) -> None:
    clear, rerun = BackMsg(), BackMsg()
    clear.clear_cache = True
    rerun.rerun_script.query_string = "year=2020"
    incoming = [clear.SerializeToString(), rerun.SerializeToString(), b"\xff garbled"]
    seen: list[dict] = []

    async def receive() -> dict:
        return {"type": "websocket.receive", "bytes": incoming.pop(0)}

    async def streamlit(_scope: dict, receive: Any, _send: Any) -> None:
        seen.extend([await receive(), await receive()])

    with caplog.at_level(logging.WARNING, logger="papi.serve"):
        run_sync(NoCacheClearing(streamlit)(scope("/_stcore/stream", kind="websocket"), receive, None))
    assert [m["bytes"] for m in seen] == [rerun.SerializeToString(), b"\xff garbled"]
    assert caplog.messages == ["ignored a clear_cache request from a visitor"]


def test_the_log_keeps_a_burst_of_one_message_and_counts_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    budget = logs.LogBudget()
    records = [
        logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "socket.accept() out of resources", None, None)
        for _ in range(5000)
    ]
    kept = sum(budget.filter(record) and budget.filter(record) for record in records)  # two handlers, one count
    other = logging.LogRecord("papi", logging.WARNING, __file__, 1, "something else", None, None)
    assert kept == logs.LOG_BURST and budget.filter(other)
    monkeypatch.setattr(logs, "LOG_WINDOW_S", 0.0)
    assert budget.filter(logging.LogRecord("asyncio", logging.ERROR, __file__, 1, records[0].msg, None, None))


def test_the_log_budget_reaches_every_handler() -> None:
    handler = logging.StreamHandler()
    logging.getLogger("papi.test.bounded").addHandler(handler)
    budget = logs.LogBudget()
    try:
        logs.bound_the_log(budget)
        assert budget in handler.filters
    finally:
        logging.getLogger("papi.test.bounded").removeHandler(handler)


def test_the_app_lists_the_guards_and_the_readiness_route() -> None:
    names = [m.cls.__name__ for m in server_app.middleware("papi")]  # type: ignore[attr-defined]
    assert names == ["SecurityHeaders", "AllowedHosts", "Addresses", "SessionCap", "NoCacheClearing"]
    assert getattr(server_app.routes("papi")[0], "path", None) == "/papi/healthz"


def test_streamlit_still_offers_the_hooks_the_server_uses() -> None:
    """The one private Streamlit name the server uses (read, never assigned): its uvicorn settings, which the server
    extends (README, "The server on Streamlit's public API"). Fails if an upgrade renames or reshapes it."""
    settings = starlette_server._get_uvicorn_config_kwargs()
    assert {"ws", "ws_max_size", "ws_ping_interval", "ssl_certfile"} <= settings.keys()
    merged = server_app.uvicorn_settings()
    assert merged["h11_max_incomplete_event_size"] == server_app.REQUEST_LIMIT and merged["http"].__name__


def test_readiness_answers_whatever_the_host(guard: Any, app: Streamlit) -> None:
    """The proxy checks each server by its own address; readiness tells a stranger only the store's status."""
    assert request(guard, "/healthz", host="127.0.0.1:8511")[0] == 200
    assert request(guard, "/healthz", host="papi-app-1.internal")[0] == 200
    assert request(guard, "/ban-do", host="papi-app-1.internal")[0] == 400
