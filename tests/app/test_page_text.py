"""No internal note, file name or raw Markdown on any page, in either language: what a reader sees is the app's words
and the sources' names and addresses, never the project's own files ("PROVENANCE.md", "published_values_press.csv")
or a Markdown link that did not render."""

from __future__ import annotations

import json
import re

import pytest

from tests.app.conftest import open_app
from ui.core.shell import PAGES

FILE_NAME = re.compile(r"\b[\w-]+\.(?:md|csv|ya?ml|parquet|py)\b", re.IGNORECASE)
BROKEN_LINK = re.compile(r"\]\((?!(?:https?://|/)[^\s)]+\))")  # a Markdown link whose address is not one clean URL
PROSE = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader", "text")


def _texts(at) -> tuple[list[str], list[str]]:
    """(the page's Markdown, the rest of its text: metric labels and values, expanders, table cells, chart words)."""
    markdown = [e.value for kind in PROSE for e in at.get(kind)]
    plain = [m.label for m in at.metric] + [str(m.value) for m in at.metric] + [e.label for e in at.expander]
    for frame in at.dataframe:
        cells = frame.value.select_dtypes(include=["object", "string"])
        plain += [str(v) for v in cells.to_numpy().ravel() if isinstance(v, str)]
        plain += [str(c) for c in frame.value.columns]
    plain += [e.value for e in at.get("html")]  # the frames the page draws around its charts
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        plain.append(json.dumps(layout.get("title", {}), ensure_ascii=False))
        plain += [a.get("text", "") for a in layout.get("annotations", [])]
    return markdown, plain


# The planner's "add as a plan" tells the store's keeper which file the entry goes in: that is what it is for.
ALLOWED_FILES = {"plans.yaml"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", [file for file, *_ in PAGES])
def test_no_internal_note_or_raw_markdown(page: str, lang: str) -> None:
    params = {"lang": lang, "year": "2022"} if page in ("pages/home.py", "pages/about.py", "pages/map.py") else {}
    at = open_app(None if page == "pages/home.py" else page, **params)
    assert not at.exception
    markdown, plain = _texts(at)
    for text in markdown + plain:
        assert "PROVENANCE" not in text, text
        assert not re.search(r"\bnamed only as such\b", text), text
    for text in markdown:
        linked = re.sub(r"\]\((?:https?://|/)[^\s)]+\)", "]", text)  # a link's address may end in a file name
        linked = re.sub(r"`[^`]*`", "", linked)  # code spans: the API's endpoint names (`scores.csv`), not our files
        assert {m.group(0) for m in FILE_NAME.finditer(linked)} <= ALLOWED_FILES, text
        assert not BROKEN_LINK.search(text), text
    for text in plain:
        assert "](" not in text, text
