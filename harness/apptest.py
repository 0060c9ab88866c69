"""AppTest on the real app.py: open a link to a page directly, as a visitor's browser does, without running the home
page first. Shared by the AppTest suite (tests/app) and the page-run benchmarks (bench/page_runs.py, bench/explorer.py).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from ui.core.shell import PAGES

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE_KEY = "_page"  # where app.py records the page a run shows (ui/core/state.py, enter_page)
URL_PATHS = {file: path for file, _title, _icon, path in PAGES}  # "pages/map.py" → "ban-do"
REPLACED_URL = re.compile(r'<script src="[^"]*replace_url[^"]*" data-search="([^"]*)"')  # ui/core/browser.replace_url

# AppTest resets PagesManager.uses_pages_directory before every run, and a new PagesManager then sees pages/ and runs
# later runs in Streamlit's old folder-based navigation: only the page file, never app.py (no language switch, no URL
# written at the end of the run). serve.py turns that mode off for the real server; this does the same for AppTest.
PAGES_MANAGER_INIT = PagesManager.__init__


def _init_without_pages_directory(self: PagesManager, *args: Any, **kwargs: Any) -> None:
    PAGES_MANAGER_INIT(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _init_without_pages_directory  # type: ignore[method-assign]

# A new AppTest's first run scans the metadata of every installed distribution for Streamlit components
# (AppTest._run → BidiComponentManager.discover_and_register_components): ~870 distributions in the dev venv, more
# than half of a page's AppTest time. What is installed does not change while tests or benchmarks run: one scan per
# process. (Read before it is wrapped: a Streamlit without this function fails here, not silently.)
manifest_scanner.scan_component_manifests = cache(manifest_scanner.scan_component_manifests)


def open_app(page: str | None = None, **params: str) -> AppTest:
    """Open a link to `page` (e.g. "pages/map.py"; the home page if None) carrying URL parameters, and run it.

    The first run goes straight to the page, as a shared link does, and its corrected link is put in the address bar as
    the browser does it (the session's first run hands it to replace_url.js, not to st.query_params): at.query_params
    is the URL a visitor sees, and the next run starts from it. AppTest.switch_page() can only name a page that
    st.navigation registered in an earlier run (before it, it hashes the file name, not the page's url_path), so the
    page's navigation hash is requested directly: st.Page's hash is calc_hash(url_path). The page the run showed is
    checked, so a Streamlit upgrade that ignores the request fails here, loudly, rather than testing the home page.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    if page:
        at._page_hash = calc_hash(URL_PATHS[page])  # no public way to open a non-default page on the first run
    at.run()
    shown = at.session_state.get(PAGE_KEY)
    if page and shown != URL_PATHS[page]:
        raise AssertionError(f"AppTest opened {shown!r}, not {page} ({URL_PATHS[page]!r})")
    for element in at.get("html"):
        if replaced := REPLACED_URL.search(element.proto.body):
            at.query_params.clear()
            at.query_params.update(parse_qsl(html.unescape(replaced.group(1)).removeprefix("?")))
    return at
