"""The pages' addresses answer Streamlit's page with the script that names the server's base address first
(server/page_html.py); the browser tests check the result: no 404 and no console error on any page."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from server import page_html
from server.guards import NOT_FOUND_PATH
from ui.core.shell import PAGES


def test_the_base_address_is_set_before_streamlit_starts() -> None:
    page = page_html.page_html()
    assert page.index(page_html.SCRIPT) < page.index(page_html.BUNDLE)
    assert page.replace(f"{page_html.SCRIPT}\n    ", "") == page_html.INDEX.read_text(encoding="utf-8")


@pytest.mark.parametrize("base", ["", "papi"])
def test_every_page_address_is_answered_under_the_base_path(base: str) -> None:
    client = TestClient(Starlette(routes=page_html.routes(base)))
    prefix = f"/{base}" if base else ""
    for path in [p for *_, p in PAGES if p] + [NOT_FOUND_PATH]:
        answer = client.get(f"{prefix}/{path}")
        assert answer.status_code == 200 and page_html.SCRIPT in answer.text
        assert answer.headers["cache-control"] == "no-cache"
    assert client.get(f"{prefix}/ban-do/_stcore/health").status_code == 404  # Streamlit's, never the page
