"""The app served under a base path (as an intranet proxy publishes it at /papi): pages, plotly's static base map and
the downloads all use the base URL, and nothing leaves the server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from harness.server import running_app
from tests.e2e.conftest import Offline, offline_page, open_page, wait_idle

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with running_app("e2e-base-path", base_path="papi") as (url, _):
        yield url


@pytest.fixture
def base_page(browser: Browser, base_url: str, offline: Offline) -> Iterator[Page]:
    yield from offline_page(browser, base_url, offline)


def test_map_and_download_under_a_base_path(base_page: Page, base_url: str, offline: Offline) -> None:
    page = base_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, f"{base_url}/ban-do?year=2024&lang=en")
    map_chart = page.locator('[data-testid="stPlotlyChart"] >> nth=0')
    expect(map_chart.locator("path.choroplethlocation")).to_have_count(63)
    expect(map_chart.locator(".gtitle")).to_contain_text("PAPI map, 2024")
    assert any("/papi/app/static/topojson/" in url for url in requested)  # plotly's base map, from the app
    assert any("/papi/app/static/geo/vn_provinces_63.json" in url for url in requested)  # the provinces, by URL

    open_page(page, f"{base_url}/kham-pha?lang=en&years=2024&metrics=total&q=ha%20noi")
    with page.expect_download() as download:
        page.locator(".st-key-download_csv").get_by_role("button", name="CSV").click()
    assert "/papi/media/" in download.value.url
    assert "Ha Noi" in download.value.path().read_text(encoding="utf-8-sig")
    wait_idle(page)
    assert offline.blocked == []
