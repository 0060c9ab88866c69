"""The profile's "Vì sao thay đổi / What moved": the total's change against an earlier year of the same scale, split
into the dimensions' contributions (a waterfall with the figures and its sentence), the rank change among the
provinces present in both years, and one dimension's change split into its sub-dimensions where their definitions
did not change (papi_data.decompose; the comparisons are cached in ui.core.changes)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from papi_data.decompose import comparable_bases, dimension_change
from papi_data.store.schema import TOTAL
from ui.charts.common import Chart
from ui.charts.sentences import Label, change_sentence, gap_sentence, rank_move, sub_change_sentence
from ui.charts.waterfall import waterfall_figure
from ui.core import data, shell, state
from ui.core.changes import changes_between
from ui.core.i18n import t
from ui.core.metrics import Metrics
from ui.profile import data as profile_data
from ui.profile.panel import Profile


def dimension_label(catalogue: Metrics, lang: str) -> Label:
    """A dimension's short name with its number ("D6 Dịch vụ công")."""
    return partial(catalogue.name, lang=lang, short=True)


def sub_label(catalogue: Metrics, year: int, lang: str) -> Label:
    """A sub-dimension's number and name that year ("6.2 Trường tiểu học công lập")."""

    def label(metric: str) -> str:
        return f"{catalogue.number(metric, year)} {catalogue.names[metric, lang]}"

    return label


def what_moved(catalogue: Metrics, metrics: list[str], p: Profile) -> None:
    """The section: the year compared with, the waterfall of the dimensions, the rank change, one dimension split."""
    lang = p.lang
    st.subheader(t("moved_heading", lang))
    bases = comparable_bases(p.years, p.year)
    if not bases:
        st.info(t("moved_no_base", lang, name=p.name, year=p.year))
        return
    left, right = st.columns(2)
    with left:
        chosen = state.widget(
            st.selectbox,
            "base",
            t("moved_base", lang),
            options=[0, *bases],
            format_func=lambda y: str(y or bases[0]),
        )
    base = chosen or bases[0]
    change = changes_between(lang, p.year, base)[p.code]
    if change.gap is not None:
        st.info(gap_sentence(change, p.name, t("moved_total_word", lang), lang))
        return
    label = dimension_label(catalogue, lang)
    mine = profile_data.province_series(lang, p.code).get(TOTAL, {})
    rank, n = mine.get("rank", {}).get(p.year), mine.get("n", {}).get(p.year)
    sentence = change_sentence(change, p.name, None if rank is None else int(rank), int(n or 0), label, lang)
    shell.chart(
        Chart(
            partial(waterfall_figure, change, label, catalogue.name(TOTAL, lang, short=True), lang=lang),
            shell.frame(
                t("moved_chart_title", lang, name=p.name, base=base, year=p.year),
                t("moved_chart_subtitle", lang),
                lang,
                [base, p.year],
            ),
            sentence,
        ),
        "moved",
        f"papi-{p.code}-{base}-{p.year}-moved",
    )
    if change.rank is not None and change.base_rank is not None:
        move = rank_move(change.base_rank, change.rank, lang)
        st.markdown(
            t(
                "moved_rank",
                lang,
                n=change.n,
                base=base,
                year=p.year,
                base_rank=change.base_rank,
                rank=change.rank,
                move=move,
            )
        )
    with right:
        split = state.widget(
            st.selectbox,
            "split",
            t("moved_sub_pick", lang),
            options=["", *metrics],
            format_func=lambda d: label(d) if d else t("none_option", lang),
        )
    if split:
        _split(catalogue, split, base, p)


def _split(catalogue: Metrics, dimension: str, base: int, p: Profile) -> None:
    """One dimension's change split into its sub-dimensions, or why it is not."""
    lang = p.lang
    name = catalogue.name(dimension, lang, short=True)
    change = dimension_change(data.scores_table(lang), data.subdimension_table(lang), p.code, dimension, p.year, base)
    if change.gap is not None:
        st.info(gap_sentence(change, p.name, name, lang))
        return
    label = sub_label(catalogue, p.year, lang)
    shell.chart(
        Chart(
            partial(waterfall_figure, change, label, name, lang=lang),
            shell.frame(
                t("moved_sub_title", lang, name=p.name, dimension=name, base=base, year=p.year),
                t("moved_sub_subtitle", lang),
                lang,
                [base, p.year],
            ),
            sub_change_sentence(change, p.name, name, label, lang),
        ),
        "moved_split",
        f"papi-{p.code}-{base}-{p.year}-{catalogue.number(dimension, p.year)}-moved",
    )
