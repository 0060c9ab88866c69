"""AppTest helpers: run the real app.py on the real store (built by `make test` before pytest runs)."""

from __future__ import annotations

from collections.abc import Iterator

import plotly.graph_objects as go
import pytest

from harness.apptest import APP, PAGES_MANAGER_INIT, open_app
from papi_data.store.load import load_store
from ui.charts.common import CheckedFigure

__all__ = ["APP", "PAGES_MANAGER_INIT", "open_app"]  # the AppTest modules' entry points (harness/apptest.py)


@pytest.fixture(scope="session")
def store():
    return load_store()


@pytest.fixture(autouse=True)
def every_figure_is_validated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every figure a page draws passes plotly's own validation (CheckedFigure skips it at run time on that promise)
    and carries the frame in its canvas (a title, and the source line with the view's link under the plot:
    ui/charts/frame.py), or, drawn at its column's width, none of it: the page draws it around the chart (`framed`).

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
        title = spec["layout"].get("title", {}).get("text")
        on_page = title is None and not footer
        if not on_page and (not title or len(footer) != 2 or "PAPI" not in footer[0]):
            invalid.append(f"no frame: {title!r}, footer {footer!r}")
        if not spec["layout"]["meta"]["accessible_name"]:
            invalid.append("no accessible name")
        return spec

    monkeypatch.setattr(CheckedFigure, "to_dict", validated)
    yield
    assert invalid == [], invalid


def framed(at, key: str) -> tuple[str, str]:
    """The frame the page draws around the chart keyed `key` (ui/core/shell.chart), as HTML: what goes above it (the
    title and subtitle) and under it (the source line and the link); fails if the chart has none."""
    block = find(at.main, f"framed_{key}")
    assert block is not None, f"no frame around {key}"
    kinds = [child.type for child in block.children.values()]
    assert kinds[:2] == ["html", "plotly_chart"], kinds
    head, *_, foot = [child for child in block.children.values()]
    return head.value, foot.value if foot.type == "html" else ""


def find(node, key: str):
    """The block keyed `key` under `node` (an AppTest tree), or None."""
    if getattr(node, "key", None) == key:
        return node
    for child in getattr(node, "children", {}).values():
        if (found := find(child, key)) is not None:
            return found
    return None
