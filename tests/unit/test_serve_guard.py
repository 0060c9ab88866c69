"""serve_guard's middleware, driven as ASGI with a stand-in for Streamlit's app: what it answers itself, what it
passes on, and the session limit; and the log budget. (The running server is tested in tests/e2e/test_hardening.py.)"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

import serve_guard
from harness.sessions import run_sync
from serve_guard import LOG_BURST, NOT_FOUND_PATH, Guard
from ui.core.shell import LINK_LIMIT


class Streamlit:
    """Answers 200 to HTTP; holds a websocket open until told to let go."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.release = asyncio.Event()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        self.calls.append(scope["path"])
        if scope["type"] == "websocket":
            await send({"type": "websocket.accept"})
            await self.release.wait()
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"page"})


def scope(path: str, query: bytes = b"", host: str = "localhost:8501", kind: str = "http") -> dict:
    return {"type": kind, "path": path, "query_string": query, "headers": [(b"host", host.encode())]}


def request(guard: Guard, path: str, query: bytes = b"", host: str = "localhost:8501") -> tuple[int, dict, bytes]:
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
def guard(app: Streamlit) -> Guard:
    return Guard(app, sessions=2)


def test_pages_pass_with_the_security_headers(guard: Guard, app: Streamlit) -> None:
    status, headers, body = request(guard, "/ban-do", b"lang=en&year=2020")
    assert (status, body, app.calls) == (200, b"page", ["/ban-do"])
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert headers["x-frame-options"] == "SAMEORIGIN" and headers["referrer-policy"] == "same-origin"


def test_metrics_are_closed_and_health_open(guard: Guard, app: Streamlit) -> None:
    assert request(guard, "/_stcore/metrics")[0] == 404
    assert request(guard, "/_stcore/health")[0] == 200
    assert app.calls == ["/_stcore/health"]


def test_a_foreign_host_is_refused(guard: Guard, app: Streamlit) -> None:
    assert request(guard, "/", host="attacker.example")[0] == 400
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
    guard: Guard, app: Streamlit, path: str, query: bytes, location: str
) -> None:
    status, headers, _ = request(guard, path, query)
    assert (status, headers["location"], app.calls) == (303, location, [])


@pytest.mark.parametrize(
    "path", ["/ban-do/_stcore/health", "/static/js/index.js", "/app/static/x.json", "/favicon.png"]
)
def test_what_streamlit_serves_passes(guard: Guard, app: Streamlit, path: str) -> None:
    assert request(guard, path)[0] == 200
    assert app.calls == [path]


def test_sessions_over_the_limit_are_refused_clearly(guard: Guard, app: Streamlit) -> None:
    async def scenario() -> tuple[list, int, bytes, list]:
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
        app.release.set()
        await asyncio.gather(*open_two)
        after: list[dict] = []

        async def send_after(message: dict) -> None:
            after.append(message)

        await guard(scope("/ban-do"), asyncio.Event().wait, send_after)
        return answers, page[0]["status"], page[1]["body"], after

    answers, status, body, after = run_sync(scenario())
    assert [a[0]["type"] for a in answers] == ["websocket.accept", "websocket.accept", "websocket.close"]
    assert answers[2][0]["code"] == 1013
    assert status == 503 and b"too many people" in body and "quá nhiều".encode() in body
    assert after[0]["status"] == 200 and guard.sessions == 0


def test_the_log_keeps_a_burst_of_one_message_and_counts_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    budget = serve_guard._LogBudget()
    record = logging.LogRecord("asyncio", logging.ERROR, __file__, 1, "socket.accept() out of resources", None, None)
    kept = sum(budget.allow(record) for _ in range(5000))
    other = logging.LogRecord("papi", logging.WARNING, __file__, 1, "something else", None, None)
    assert kept == LOG_BURST and budget.allow(other)
    monkeypatch.setattr(serve_guard, "LOG_WINDOW_S", 0.0)
    assert budget.allow(record)  # a new window


def test_a_visitor_cannot_clear_the_caches() -> None:
    import streamlit as st

    calls: list[int] = []

    @st.cache_data
    def cached() -> int:
        calls.append(1)
        return 1

    cached()
    serve_guard._ignore_clear_cache(None)  # what AppSession runs for a clear_cache message once serve.py started
    cached()
    assert calls == [1]
