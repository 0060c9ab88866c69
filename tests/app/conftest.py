"""AppTest helpers: run the real app.py on the real store (built by `make test` before pytest runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from papi_data.store import load_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_app(page: str | None = None, **params: str) -> AppTest:
    """Open the app (optionally on `page`, e.g. "pages/about.py") with URL parameters, and run it."""
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


@pytest.fixture(scope="session")
def store():
    return load_store()
