"""What the reader's browser needs beyond Streamlit's own frontend: a few layout rules (app.css), number formats in
the app's language and one history entry per user action (browser.js), each added to the page as an st.html element.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

HERE = Path(__file__).resolve().parent
LOCALES = {"vi": "vi-VN", "en": "en-GB"}  # the browser locale the app's language stands for


@cache
def _setup_html(locale: str) -> str:
    script = (HERE / "browser.js").read_text(encoding="utf-8").replace("__LOCALE__", json.dumps(locale))
    return f"<style>{(HERE / 'app.css').read_text(encoding='utf-8')}</style><script>{script}</script>"


def setup(lang: str) -> None:
    """The layout rules and browser.js, in the sidebar, where the element's empty box goes unseen (every run: an
    unchanged element is not run again)."""
    with st.sidebar:
        st.html(_setup_html(LOCALES[lang]), unsafe_allow_javascript=True)


def replace_url(query: dict[str, str]) -> None:
    """Put `query` in the address bar in place of the link that opened the session, making no history entry.

    For the first run of a session only: Streamlit's frontend would push an entry for a query written from Python,
    and browser.js, which turns such pushes into replacements, is loaded only after that run (Streamlit fetches the
    code of st.html elements on first use). The link stays as it was if the reader has already clicked or typed.
    """
    search = json.dumps(f"?{urlencode(query)}" if query else "")
    script = f"if (!window.__papiActed) history.replaceState(history.state, '', location.pathname + {search});"
    with st.sidebar:
        st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
