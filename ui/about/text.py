"""The about page's text and tables, in both languages; the words are in ui/strings, the figures come from the store."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from papi_data.citation import citation, report_partners
from papi_data.published import group_size_check, press_comparison, press_counts
from papi_data.store.load import PapiStore
from papi_data.store.schema import TOTAL
from ui.core import published_figures as figures
from ui.core.i18n import prose, t
from ui.core.numbers import fmt_number


def intro(lang: str) -> str:
    return prose("about_intro", lang)


def dashboard(lang: str) -> str:
    return prose("about_dashboard", lang)


def scales_and_groups(lang: str) -> str:
    return prose("about_scales", lang)


def published(lang: str) -> str:
    return prose("about_published", lang)


def subdimensions(lang: str) -> str:
    return prose("about_subdims", lang)


def open_data(lang: str, base: str) -> str:
    """The open-data API in words, with copyable examples for curl, pandas and R at this server's address `base`."""
    return prose("about_open_data", lang).replace("{base}", base.rstrip("/"))


def sources(store: PapiStore, lang: str) -> str:
    """The sources, with the store's own counts: its score rows, how many hold a score, its sub-dimension scores."""
    built = store.manifest.get("built_at", "?").replace("T", " ").replace("+00:00", "")
    return prose("about_sources", lang).format(
        built=built,
        rows=fmt_number(len(store.scores), lang, 0),
        scores=fmt_number(int(store.scores["score"].notna().sum()), lang, 0),
        subscores=fmt_number(len(store.subdimension_scores), lang, 0),
        citation=citation(store.report_partners, store.partners, max(store.years), lang),
    )


def partners_table(store: PapiStore, lang: str) -> pd.DataFrame:
    """The report years, grouped where the partners stay the same, with the partners' names and how that is known."""
    names = dict(zip(store.partners["id"], store.partners[f"name_{lang}"], strict=True))
    basis = store.report_partners.groupby("year")["basis"].first()
    spans: list[list] = []
    for year in sorted(store.report_partners["year"].unique()):
        ids = report_partners(store.report_partners, store.partners, int(year))
        assumed = str(basis[year]).startswith("assumed")
        if spans and spans[-1][2] == ids and spans[-1][3] == assumed and spans[-1][1] == year - 1:
            spans[-1][1] = int(year)
        else:
            spans.append([int(year), int(year), ids, assumed])
    return pd.DataFrame(
        {
            t("about_col_report_years", lang): [str(a) if a == b else f"{a}–{b}" for a, b, _, _ in spans],
            t("about_col_partners", lang): [", ".join(f"{names[i]} ({i})" for i in ids) for _, _, ids, _ in spans],
            t("about_col_basis", lang): [
                t("about_basis_assumed" if assumed else "about_basis_documented", lang) for *_, assumed in spans
            ],
        }
    )


def dimension_table(dimensions: pd.DataFrame, lang: str) -> pd.DataFrame:
    other = "en" if lang == "vi" else "vi"
    return pd.DataFrame(
        {
            t("about_col_code", lang): [f"D{o}" for o in dimensions["order"]],
            t("about_col_dimension", lang): dimensions[f"name_{lang}"],
            t("about_col_other_name", lang): dimensions[f"name_{other}"],
            t("about_col_since", lang): dimensions["first_year"].astype(str),
        }
    )


def missing_table(table: pd.DataFrame, provinces: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per province-year with any score missing: which ones."""
    gaps = table[table["score"].isna()]
    names = provinces.set_index("code")[f"name_{lang}"]
    rows = []
    for (year_value, code_value), group in gaps.groupby(["year", "province_code"]):
        year, code = int(str(year_value)), str(code_value)
        dims = [d for d in group["dimension"] if d != TOTAL]
        every = len(group) == len(table[(table["year"] == year) & (table["province_code"] == code)])
        dim_codes = ", ".join(f"D{d[1]}" for d in sorted(dims))
        what = t("about_missing_all", lang) if every else t("about_missing_dims", lang, dims=dim_codes)
        rows.append((year, names[code], what))
    head = [t("about_col_year", lang), t("about_col_province", lang), t("about_col_missing", lang)]
    return pd.DataFrame(rows, columns=head)


class AboutTables(NamedTuple):
    """The about page's tables and the press summary, made once per store build and language (ui/about/data.py)."""

    partners: pd.DataFrame
    dimensions: pd.DataFrame
    missing: pd.DataFrame
    means: pd.DataFrame
    groups: pd.DataFrame
    press_summary: str
    press_figures: int
    press_differ: pd.DataFrame
    press_all: pd.DataFrame


def about_tables(store: PapiStore, table: pd.DataFrame, lang: str) -> AboutTables:
    """Every table of the about page; `table` is the pages' scores table (ranks, groups)."""
    names = dict(zip(store.provinces["code"], store.provinces[f"name_{lang}"], strict=True))
    years = sorted(int(y) for y in store.published_means["year"].unique())
    comparison = press_comparison(store.press_figures, table)
    counts = press_counts(comparison)
    return AboutTables(
        partners=partners_table(store, lang),
        dimensions=dimension_table(store.dimensions, lang),
        missing=missing_table(table, store.provinces, lang),
        means=figures.means_table(table, store.published_means, years, lang),
        groups=figures.groups_table(group_size_check(table, store.published_group_sizes), names, lang),
        press_summary=f"{figures.press_summary(counts, lang)}\n\n{figures.press_reasons(counts, lang)}",
        press_figures=counts.figures,
        press_differ=figures.press_table(comparison, names, lang, differing_only=True),
        press_all=figures.press_table(comparison, names, lang, differing_only=False),
    )
