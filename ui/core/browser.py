"""What the reader's browser needs beyond Streamlit's own frontend: a few layout rules (app.css), number formats in
the app's language and one history entry per user action (static/browser.js), each added to the page as an st.html
element; and the addresses of the app's static files under its base URL.

Scripts are loaded by URL from static/ (served at /app/static/), never inline: the server's Content-Security-Policy
(server/guards.py) allows scripts from this server only. What a script needs from Python goes in data- attributes.
"""

from __future__ import annotations

import hashlib
import html
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

HERE = Path(__file__).resolve().parent
STATIC = HERE.parents[1] / "static"
LOCALES = {"vi": "vi-VN", "en": "en-GB"}  # the browser locale the app's language stands for


def base_url() -> str:
    """The app's base URL path ("/", or "/papi" under --server.baseUrlPath)."""
    return "/" + (st.get_option("server.baseUrlPath") or "").strip("/")


def static_url(path: str) -> str:
    """The address of a file in static/ (`path` inside it), under the app's base URL, as the browser asks for it."""
    return f"{base_url().rstrip('/')}/app/static/{path}"


@cache
def _versioned(name: str) -> str:
    """A script's path in static/ with a version made from its content: a browser that kept an older copy asks again."""
    return f"{name}?v={hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]}"


def _script(name: str, **data: str) -> str:
    attributes = "".join(f' data-{key}="{html.escape(value)}"' for key, value in data.items())
    return f'<script src="{html.escape(static_url(_versioned(name)))}"{attributes}></script>'


@cache
def _setup_html(locale: str, base: str) -> str:  # `base`: the cache key of the base URL the script's address has
    return f"<style>{(HERE / 'app.css').read_text(encoding='utf-8')}</style>{_script('browser.js', locale=locale)}"


def setup(lang: str) -> None:
    """The layout rules and browser.js, in the sidebar, where the element's empty box goes unseen (every run: an
    unchanged element is not run again)."""
    with st.sidebar:
        st.html(_setup_html(LOCALES[lang], base_url()), unsafe_allow_javascript=True)


def replace_url(query: dict[str, str]) -> None:
    """Put `query` in the address bar in place of the link that opened the session, making no history entry.

    For the first run of a session only: Streamlit's frontend would push an entry for a query written from Python,
    and browser.js, which turns such pushes into replacements, is loaded only after that run (Streamlit fetches the
    code of st.html elements on first use). The link stays as it was if the reader has already clicked or typed.
    """
    search = f"?{urlencode(query)}" if query else ""
    with st.sidebar:
        st.html(_script("replace_url.js", search=search), unsafe_allow_javascript=True)
