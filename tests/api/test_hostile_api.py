"""The whole hostile-link list of the API (tests/hostile_links.api_links) through the API's routes: each answers 200
or a JSON 400/404 with an error body, never a traceback, never markup from the link echoed."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

import anyio
import pytest
from starlette.applications import Starlette

from harness.hostile_links import Link, api_links
from server import api
from server.api import endpoints

CHARTS = "api/v1/charts/"


@pytest.fixture(autouse=True)
def _no_rendering(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A link that passes the checks would render a chart: a stand-in renderer answers at once (the real one is
    tested in test_charts.py)."""

    class Instant:
        def image(self, figure: dict, fmt: str, width: int, height: int) -> bytes:
            return b"<svg/>"

    monkeypatch.setattr("server.api.charts.renderer.shared", Instant)
    endpoints.forget()
    yield
    endpoints.forget()  # no stand-in image is sent again to a later test


def raw_get(path: str, query: str) -> tuple[int, dict[str, str], bytes]:
    """A GET straight into the ASGI app, the query as sent (an HTTP client refuses a 100 KB address; a server's
    socket gets it whole)."""
    app = Starlette(routes=api.routes())
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(path),
        "raw_path": path.encode("latin-1"),
        "query_string": query.encode("latin-1"),
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    # A thread of its own: a worker that ran the browser tests has Playwright's event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(anyio.run, app, scope, receive, send).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode(): v.decode("latin-1") for k, v in start["headers"]}
    return start["status"], headers, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("link", api_links(), ids=str)
def test_hostile_api_link(api_store: Path, link: Link) -> None:
    status, headers, body = raw_get(f"/{link.page}", link.query)
    text = body.decode("utf-8", "replace")
    assert status in (200, 400, 404), text[:200]
    assert "Traceback" not in text
    if status != 200:
        assert headers["content-type"] == "application/json"
        assert '"message"' in text
    if link.markup:
        assert link.markup not in text
