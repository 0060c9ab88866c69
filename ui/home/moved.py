"""Home's cards: what moved each plan province's total on the year before, in one sentence (ui.charts.sentences)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from papi_data.decompose import comparison_gap
from ui.charts.sentences import change_sentence
from ui.core import data
from ui.core.changes import changes_between
from ui.core.i18n import t


def what_moved(code: str, name: str, year: int, rank: int | None, n: int, lang: str) -> None:
    """The sentence under a card, where the year compares with the one before (the card says why where it does
    not)."""
    if year - 1 not in data.store(lang).years or comparison_gap(year, year - 1) is not None:
        return
    change = changes_between(lang, year, year - 1)[code]
    if change.gap is not None:
        return
    label = partial(data.metrics(lang).name, lang=lang, short=True)
    st.caption(f"{t('moved_heading', lang)}: {change_sentence(change, name, rank, n, label, lang)}")
