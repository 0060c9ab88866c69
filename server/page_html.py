"""The app's pages answered with Streamlit's own page plus one script, static/base_url.js, that names the server's base
address to Streamlit's frontend. Without it the frontend of /ban-do (or /papi/ban-do) probes /ban-do/_stcore/health and
/ban-do/_stcore/host-config first, taking the page's path for a base address (streamlit/streamlit#7074): two 404s in
the console on every page but the home page, and a retry before it connects. Answering those probes instead would
make the frontend connect there and read every page's address against the wrong base.

Routes of this server come before Streamlit's (streamlit.starlette.App), which answers any other path with the same
index.html; the guards (server/guards.py) apply as to every route."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from server.guards import NOT_FOUND_PATH
from ui.core.shell import PAGES

INDEX = Path(streamlit.__file__).parent / "static" / "index.html"
# Relative, as Streamlit's own assets in index.html: the same address under any base path.
SCRIPT = '<script src="./app/static/base_url.js"></script>'
BUNDLE = '<script type="module"'  # the script must run before Streamlit's bundle


@cache
def page_html() -> str:
    page = INDEX.read_text(encoding="utf-8")
    if BUNDLE not in page:
        raise RuntimeError(f"{INDEX}: no {BUNDLE!r} to put the base address before (a new Streamlit?)")
    return page.replace(BUNDLE, f"{SCRIPT}\n    {BUNDLE}", 1)


async def index(_request: Request) -> HTMLResponse:
    return HTMLResponse(page_html(), headers={"cache-control": "no-cache"})  # as Streamlit serves its page


def routes(base: str = "") -> list[Route]:
    """A route for every page's address under `base` (the home page's base address needs none: it is the base), and
    for the "page not found" page the guards send unknown addresses to."""
    prefix = "/" + base.strip("/") if base.strip("/") else ""
    paths = [path for *_, path in PAGES if path] + [NOT_FOUND_PATH]
    return [Route(f"{prefix}/{path}", index, methods=["GET", "HEAD"]) for path in paths]
