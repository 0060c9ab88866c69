"""Every page on a store with a SYNTHETIC 2025 for the 34 provinces (tests/synthetic/year_2025.py: made-up numbers,
generated in the test, built into a temporary store; never shipped), in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from papi_data.build import build
from tests.app.conftest import open_app
from tests.synthetic.year_2025 import sources_with_2025
from ui.core.i18n import t
from ui.core.shell import PAGES

FILES = [file for file, *_ in PAGES]


@pytest.fixture(scope="module")
def store_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("year2025")
    build(sources_with_2025(folder), target=folder / "store", last_year=2025)
    return folder / "store"


@pytest.fixture(autouse=True)
def on_the_2025_store(store_2025: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PAPI_STORE_DIR", str(store_2025))
    yield


def texts(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "metric") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", FILES)
def test_every_page_opens_the_2025_view(page: str, lang: str) -> None:
    at = open_app(page, lang=lang)
    assert not at.exception and not at.error, [e.value for e in at.exception]
    assert any(c.value.startswith(t("source_line", lang, citation="PAPI 20")) for c in at.caption)
