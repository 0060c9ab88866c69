"""The server as a stranger meets it: unknown and deep addresses, an over-long link, the headers and hosts, the closed
metrics (server/guards.py and ui/core/shell.py, through `make run`)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from harness.sessions import Session, run_sync
from tests.e2e.conftest import open_page, server_log

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/khong-co-trang", "Không tìm thấy trang"),
        ("/ban-do/extra/deeper", "Không tìm thấy trang"),
        ("/etc/passwd?lang=en", "Page not found"),
    ],
)
def test_unknown_addresses_land_on_a_page_with_a_way_home(page: Page, app_url: str, path: str, title: str) -> None:
    open_page(page, app_url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("dialog")).to_have_count(0)  # not Streamlit's English "Page not found" dialog
    page.get_by_test_id("stPageLink").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("PAPI 2024")


def test_an_over_long_link_opens_the_default_view_with_a_notice_every_time(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/ho-so-tinh?lang=en&province=79&q=" + "a" * 100_000)
    for _ in range(2):  # and again on reload (it once answered "400 Invalid HTTP request")
        expect(page.get_by_role("heading", level=1)).to_contain_text("PAPI profile")
        expect(page.get_by_test_id("stAlert")).to_contain_text("The link was too long")
        assert len(page.url) < 500
        page.goto(f"{app_url}/ho-so-tinh?lang=en&q=" + "a" * 100_000)


def test_headers_hosts_and_metrics(app_url: str) -> None:
    with urllib.request.urlopen(app_url) as response:
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert response.headers["Referrer-Policy"] == "same-origin"
    for path, host, status in [("/_stcore/metrics", None, 404), ("/", "rebinding.example", 400)]:
        request = urllib.request.Request(app_url + path, headers={"Host": host} if host else {})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == status
    with urllib.request.urlopen(f"{app_url}/_stcore/health") as response:
        assert response.read() == b"ok"
    with urllib.request.urlopen(f"{app_url}/healthz") as response:  # readiness, with the store's state
        answer = json.loads(response.read())
        assert answer["status"] == "ok" and answer["build"] and answer["fault"] is None
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]  # the guards cover the routes


def test_a_visitor_cannot_clear_the_server_caches(app_url: str) -> None:
    async def send_clear_cache() -> None:
        async with Session(app_url) as session:
            assert (await session.run("gioi-thieu")).ok
            message = BackMsg()
            message.clear_cache = True
            await session.ws.send(message.SerializeToString())  # type: ignore[union-attr]
            assert (await session.run("gioi-thieu")).ok

    run_sync(send_clear_cache())
    assert "ignored a clear_cache request from a visitor" in server_log(app_url).read_text(encoding="utf-8")
