"""The about page's text and tables, in both languages; the words are in ui/strings, the figures come from the store."""

from __future__ import annotations

import pandas as pd

from papi_data.schema import TOTAL
from ui.i18n import prose, t


def intro(lang: str) -> str:
    return prose("about_intro", lang)


def scales_and_groups(lang: str) -> str:
    return prose("about_scales", lang)


def sources(manifest: dict, lang: str) -> str:
    built = manifest.get("built_at", "?").replace("T", " ").replace("+00:00", "")
    rows = manifest.get("rows", {}).get("scores", "?")
    return prose("about_sources", lang).format(built=built, rows=rows)


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
