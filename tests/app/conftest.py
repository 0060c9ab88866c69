"""AppTest helpers: run the real app.py on the real store (built by `make test` before pytest runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from papi_data.store import load_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_app(page: str | None = None, **params: str) -> AppTest:
    """Open a link to `page` (e.g. "pages/map.py"; the home page if None) carrying URL parameters, and run it.

    AppTest always starts on the default page, so for another page the link's parameters are put in the URL just
    before switching to it, which is what the page sees when a shared link is opened.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    if page:
        at.run()
        at.query_params.clear()
    for name, value in params.items():
        at.query_params[name] = value
    if page:
        at.switch_page(page)
    return at.run()


@pytest.fixture(scope="session")
def store():
    return load_store()
