"""PAPI's own published figures beside the store's, in the reader's language: the national mean on the home page, and
on the about page the means of every year, the group sizes and the figures the press printed (papi_data.published)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from papi_data.published import LABELS, REASONS, NationalMean, PressCounts, national_mean
from ui.core.i18n import t, tn
from ui.core.numbers import fmt_number


def printed(text: str, lang: str) -> str:
    """A figure as printed ("42.3265"), with the reader's decimal mark, its decimals kept."""
    return text.replace(".", ",") if lang == "vi" else text


def source_text(source: str) -> str:
    """A web address as a Markdown link named by its site; any other text as it is."""
    if source.startswith(("http://", "https://")):
        return f"[{urlparse(source).netloc.removeprefix('www.')}]({source})"
    return source


def _why(reason: str, lang: str) -> str:
    return REASONS[reason][lang]


def mean_card(mean: NationalMean, lang: str) -> None:
    """The computed national mean, labelled as what it is ("trung bình cộng của 61 tỉnh có dữ liệu"), and PAPI's
    published figure of that year beside it, with its source and how the two relate."""
    st.metric(t("national_mean", lang), fmt_number(mean.mean, lang), help=t("mean_help", lang))
    st.caption(mean.label(lang))
    for published in mean.published:
        label = LABELS["published_mean"][lang].format(source=source_text(published.source))
        st.caption(f"{label}: **{printed(published.printed, lang)}** — {_why(published.reason, lang)}")


def means_table(table: pd.DataFrame, published_means: pd.DataFrame, years: Sequence[int], lang: str) -> pd.DataFrame:
    """Each year with a published national mean: the store's mean of the provinces with data, N, the median, what was
    published, where, and how they relate."""
    rows = []
    for year in years:
        mean = national_mean(table, published_means, year)
        for published in mean.published:
            rows.append(
                {
                    t("about_col_year", lang): str(year),
                    t("about_col_mean", lang): fmt_number(mean.mean, lang, 4),
                    t("about_col_n", lang): mean.n,
                    t("about_col_median", lang): fmt_number(mean.median, lang, 4),
                    t("about_col_published", lang): printed(published.printed, lang),
                    t("about_col_why", lang): _why(published.reason, lang),
                    t("about_col_source", lang): published.source,
                }
            )
    return pd.DataFrame(rows)


def groups_table(check: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """Each published group size beside the size the app shows, how the app's groups are made that year (PAPI's
    published ranges, or its own percentiles), and the province that differs."""
    return pd.DataFrame(
        {
            t("about_col_year", lang): check["year"].astype(str),
            t("col_group", lang): [t("group_" + g, lang) for g in check["group"]],
            t("about_col_published", lang): check["published"],
            t("about_col_computed", lang): check["computed"],
            t("about_col_grouping", lang): [t(f"about_basis_{b}", lang) for b in check["basis"]],
            t("about_col_differs", lang): [
                "" if pd.isna(code) else f"{names[code]} ({fmt_number(score, lang)})"
                for code, score in zip(check["boundary_code"], check["boundary_score"], strict=True)
            ],
        }
    )


def press_summary(counts: PressCounts, lang: str) -> str:
    """ "75 of the 95 printed figures agree with the store: 34 of 48 scores, 41 of 47 ranks."."""
    scores, ranks = counts.by_figure.get("score", (0, 0)), counts.by_figure.get("rank", (0, 0))
    return t(
        "about_press_summary",
        lang,
        agree=counts.agree,
        figures=counts.figures,
        scores_agree=scores[0],
        scores=scores[1],
        ranks_agree=ranks[0],
        ranks=ranks[1],
    )


def press_reasons(counts: PressCounts, lang: str) -> str:
    """The figures that differ, counted by why: a Markdown list."""
    return "\n".join(
        f"- {_why(reason, lang)}: {tn('about_press_figures', lang, n, n=n)}" for reason, n in counts.by_reason.items()
    )


def press_table(comparison: pd.DataFrame, names: dict[str, str], lang: str, differing_only: bool) -> pd.DataFrame:
    """The printed figures beside the store's (only those that differ, if asked), with the reason and the source."""
    rows = comparison[~comparison["agrees"]] if differing_only else comparison
    national = t("about_press_national", lang)
    return pd.DataFrame(
        {
            t("about_col_year", lang): rows["year"].astype(str),
            t("col_province", lang): [national if pd.isna(c) else names[c] for c in rows["province_code"]],
            t("about_col_figure", lang): [t(f"about_figure_{f}", lang) for f in rows["figure"]],
            t("about_col_printed", lang): [printed(p, lang) for p in rows["printed"]],
            t("about_col_store", lang): [t("no_data", lang) if pd.isna(s) else printed(s, lang) for s in rows["store"]],
            t("about_col_why", lang): [
                _why(r, lang) + (f" ({names[o]})" if isinstance(o, str) else "") + (f" ({y})" if not pd.isna(y) else "")
                for r, o, y in zip(rows["reason"], rows["other_province"], rows["other_year"], strict=True)
            ],
            t("about_col_source", lang): rows["source"],
        }
    )
