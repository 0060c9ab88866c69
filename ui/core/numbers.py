"""Numbers in the reader's convention: 43,77 and 19.536 in Vietnamese; 43.77 and 19,536 in English."""

from __future__ import annotations

import pandas as pd

from papi_data.numbers import round_half_up
from ui.core.i18n import t

MINUS = "−"  # a real minus sign, so "−0,34" does not read as a dash


def fmt_number(value: float | None, lang: str, digits: int = 2) -> str:
    """A number with `digits` decimals and the language's separators; "no data" for a missing value."""
    if value is None or pd.isna(value):
        return t("no_data", lang)
    text = f"{abs(round_half_up(value, digits)):,.{digits}f}"  # half up, as people and PAPI's tables round
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    negative = value < 0 and text.strip("0.,") != ""
    return (MINUS if negative else "") + text


def fmt_change(value: float | None, lang: str, digits: int = 2) -> str:
    """A signed change: +0,34 / −0,34 / ±0,00; "no data" where it is not defined."""
    if value is None or pd.isna(value):
        return t("no_data", lang)
    body = fmt_number(abs(value), lang, digits)
    if body.strip("0.,") == "":
        return "±" + body
    return ("+" if value > 0 else MINUS) + body


def fmt_plain(value: float, lang: str) -> str:
    """A scale's end as written: 0,25, 2,5, 5 (no trailing zeros)."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def change_text(change: float | None, gap: str | None, year: int, lang: str) -> str:
    """A change against the previous year, or why there is none (papi_data.stats.with_change's `change_gap`):
    "không so được: thang điểm đổi năm 2018", "không so được: năm 2021 không có dữ liệu"; "no data" where this year
    has none."""
    if change is not None and not pd.isna(change):
        return fmt_change(change, lang)
    if gap is None or pd.isna(gap) or gap == "no_score":
        return t("no_data", lang)
    return t(f"change_gap_{gap}", lang, year=year, previous=year - 1)
