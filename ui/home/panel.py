"""The home page's blocks beside its headline figures."""

from __future__ import annotations

import streamlit as st

from ui.core.plan_status import md
from ui.home.data import home_status_of


def home_status(code: str, lang: str) -> None:
    """A province's newest plan on the home page: each target's latest result (✔/✘ with the margin) or pending year
    (○), and a warning where a target is still met by a shrinking margin."""
    status = home_status_of(lang, code)
    if status is None:
        return
    document, lines, warnings = status
    st.markdown(f"**{md(document)}**")
    st.markdown("  \n".join(md(line) for line in lines))
    for warning in warnings:
        st.warning(md(warning), icon=":material/trending_down:")
