"""The about page's tables, once per store build and language."""

from __future__ import annotations

from papi_data.store.load import PapiStore
from ui.about import text as about_text
from ui.core.data import per_build


@per_build
def about_tables_of(store: PapiStore, lang: str) -> about_text.AboutTables:
    """The about page's tables and the press summary (ui.about.text.about_tables)."""
    return about_text.about_tables(store, store.table("ranked_scores"), lang)
