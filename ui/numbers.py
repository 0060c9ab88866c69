"""Numbers in the reader's convention: 43,77 and 19.536 in Vietnamese; 43.77 and 19,536 in English."""

from __future__ import annotations

import pandas as pd

from papi_data.numbers import round_half_up
from ui.i18n import t

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
