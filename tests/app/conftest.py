"""AppTest helpers: run the real app.py on the real store (built by `make test` before pytest runs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from papi_data.store.load import load_store
from ui.charts.common import CheckedFigure

APP = str(Path(__file__).resolve().parents[2] / "app.py")

# AppTest resets PagesManager.uses_pages_directory before every run, and a new PagesManager then sees pages/ and runs
# later runs in Streamlit's old folder-based navigation: only the page file, never app.py (no language switch, no URL
# written at the end of the run). serve.py turns that mode off for the real server; this does the same for AppTest.
PAGES_MANAGER_INIT = PagesManager.__init__


def _init_without_pages_directory(self: PagesManager, *args: Any, **kwargs: Any) -> None:
    PAGES_MANAGER_INIT(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _init_without_pages_directory  # type: ignore[method-assign]


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


@pytest.fixture(autouse=True)
def every_figure_is_validated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every figure a page draws passes plotly's own validation (CheckedFigure skips it at run time on that promise)
    and carries the frame: a title, and the source line with the view's link under the plot (ui/charts/frame.py).

    A bad property raises inside the page's run (the test sees an exception element) and fails the test here too."""
    invalid: list[str] = []
    hand_over = CheckedFigure.to_dict

    def validated(self: CheckedFigure) -> dict:
        spec = hand_over(self)
        try:
            go.Figure(spec)
        except ValueError as error:
            invalid.append(str(error).splitlines()[0])
            raise
        footer = [a["text"] for a in spec["layout"].get("annotations", []) if a.get("name") == "frame"]
        if not spec["layout"]["title"]["text"] or len(footer) != 2 or "PAPI" not in footer[0]:
            invalid.append(f"no frame: {spec['layout']['title'].get('text')!r}, footer {footer!r}")
        return spec

    monkeypatch.setattr(CheckedFigure, "to_dict", validated)
    yield
    assert invalid == [], invalid


def find(node, key: str):
    """The block keyed `key` under `node` (an AppTest tree), or None."""
    if getattr(node, "key", None) == key:
        return node
    for child in getattr(node, "children", {}).values():
        if (found := find(child, key)) is not None:
            return found
    return None
