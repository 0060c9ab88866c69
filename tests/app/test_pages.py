"""Every page the navigation declares, in both languages: it runs without an exception or an error message, has its
title, the language switch, the source line, and writes its language into the URL. A new page is covered the day it
is added to ui/shell.pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.apptest import open_app
from ui.core.i18n import t
from ui.core.shell import PAGES

FILES = [file for file, *_ in PAGES]


def test_the_navigation_declares_every_page_file() -> None:
    on_disk = {f"pages/{p.name}" for p in (Path(__file__).resolve().parents[2] / "pages").glob("*.py")}
    assert set(FILES) == on_disk


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", FILES)
def test_page_runs_in_both_languages(page: str, lang: str) -> None:
    at = open_app(page, lang=lang)
    assert not at.exception and not at.error
    assert at.title and at.title[0].value
    assert at.sidebar.segmented_control[0].value == lang
    assert at.query_params["lang"] == lang
    assert any(c.value.startswith(t("source_line", lang, citation="PAPI 20")) for c in at.caption)


def test_the_switch_serve_py_turns_off_still_exists() -> None:
    """serve.py (and the AppTest set-up) work around streamlit#9992 by setting PagesManager.uses_pages_directory to
    False before the first session. If a Streamlit upgrade renames or drops that switch, the workaround silently stops
    working and the first deep link after a start opens under "Page not found": this test fails first."""
    import inspect

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import script_runner

    from tests.app.conftest import APP, PAGES_MANAGER_INIT

    before = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PAGES_MANAGER_INIT(PagesManager.__new__(PagesManager), APP, setup_watcher=False)
        assert PagesManager.uses_pages_directory is True  # the pages/ folder beside app.py turns the old mode on...
        PagesManager.uses_pages_directory = False
        PAGES_MANAGER_INIT(PagesManager.__new__(PagesManager), APP, setup_watcher=False)
        assert PagesManager.uses_pages_directory is False  # ...unless it was turned off first, as serve.py does
    finally:
        PagesManager.uses_pages_directory = before
    assert "PagesManager.uses_pages_directory" in inspect.getsource(script_runner)  # and runs read it
