"""Name matching (papi_data/text.py) and number formatting in the reader's language (ui/core/numbers.py)."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest

from papi_data.text import fold, name_key, nfc
from ui.core.numbers import MINUS, change_text, fmt_change, fmt_number, fmt_plain

NO_DATA = {"vi": "không có dữ liệu", "en": "no data"}


# --- text -----------------------------------------------------------------------------------------------------------


def test_minus_is_the_real_minus_sign() -> None:
    assert MINUS == "\u2212"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Hà Nội", "ha noi"),
        ("ha noi", "ha noi"),
        ("  HÀ   NỘI ", "ha noi"),
        ("Đà Nẵng", "da nang"),
        ("đà nẵng", "da nang"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Bắc Kạn", "bac kan"),
    ],
)
def test_fold(typed: str, expected: str) -> None:
    assert fold(typed) == expected


def test_fold_ignores_normalization_form() -> None:
    assert fold(unicodedata.normalize("NFD", "Đà Nẵng")) == "da nang"
    assert fold(unicodedata.normalize("NFD", "Hà Nội")) == fold("Hà Nội") == fold("ha noi")


@pytest.mark.parametrize(
    ("a", "b", "key"),
    [
        ("Hà Nội", "ha noi", "ha noi"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh", "ho chi minh"),
        ("Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "ho chi minh"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "ba ria - vung tau"),  # en dash vs hyphen
        ("Bà Rịa-Vũng Tàu", "Bà Rịa — Vũng Tàu", "ba ria - vung tau"),  # no spaces; em dash
        ("Tỉnh Bắc Ninh", "Bắc Ninh", "bac ninh"),
        ("Đà Nẵng", "da nang", "da nang"),
    ],
)
def test_name_key_matches_spellings(a: str, b: str, key: str) -> None:
    assert name_key(a) == name_key(b) == key


def test_name_key_keeps_distinct_provinces_apart() -> None:
    assert name_key("Hà Tĩnh") == "ha tinh"  # "tinh" is a prefix only at the start
    assert name_key("Tiền Giang") == "tien giang"
    assert name_key("Hà Nam") != name_key("Hà Nội")
    assert name_key("Bắc Ninh") != name_key("Bắc Giang")


def test_nfc_composes_a_decomposed_string() -> None:
    decomposed = unicodedata.normalize("NFD", "Hồ Chí Minh")
    assert decomposed != "Hồ Chí Minh" and len(decomposed) > len("Hồ Chí Minh")
    composed = nfc(decomposed)
    assert composed == "Hồ Chí Minh"
    assert unicodedata.is_normalized("NFC", composed)
    assert nfc("  Hà Nội \n") == "Hà Nội"


# --- numbers --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "digits", "vi", "en"),
    [
        (43.774715, 2, "43,77", "43.77"),
        (19536, 0, "19.536", "19,536"),
        (18894.0, 0, "18.894", "18,894"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (0.5, 1, "0,5", "0.5"),
        (-0.34, 2, "\u22120,34", "\u22120.34"),
        (-19536, 0, "\u221219.536", "\u221219,536"),
        (-0.001, 2, "0,00", "0.00"),  # rounds to zero: no minus sign on zero
        (np.float64(43.774715), 2, "43,77", "43.77"),
    ],
)
def test_fmt_number(value: float, digits: int, vi: str, en: str) -> None:
    assert fmt_number(value, "vi", digits) == vi
    assert fmt_number(value, "en", digits) == en


def test_fmt_number_default_is_two_digits() -> None:
    assert fmt_number(43.6, "vi") == "43,60"
    assert "-" not in fmt_number(-1.5, "en") and fmt_number(-1.5, "en") == "\u22121.50"


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_missing_numbers_say_no_data(missing: object, lang: str) -> None:
    assert fmt_number(missing, lang) == NO_DATA[lang]  # type: ignore[arg-type]
    assert fmt_change(missing, lang) == NO_DATA[lang]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (0.34, "+0,34", "+0.34"),
        (-0.34, "\u22120,34", "\u22120.34"),
        (0.0, "±0,00", "±0.00"),
        (0.004, "±0,00", "±0.00"),
        (-0.004, "±0,00", "±0.00"),
        (1234.5, "+1.234,50", "+1,234.50"),
        (-3.657303, "\u22123,66", "\u22123.66"),
    ],
)
def test_fmt_change(value: float, vi: str, en: str) -> None:
    assert fmt_change(value, "vi") == vi
    assert fmt_change(value, "en") == en


def test_fmt_change_digits() -> None:
    assert fmt_change(-0.185589, "vi", 3) == "\u22120,186"
    assert fmt_change(0.0004, "en", 3) == "±0.000"


def test_display_rounds_half_up_from_one_function() -> None:
    assert fmt_number(-0.125, "vi") == "−0,13" and fmt_number(0.125, "en") == "0.13"
    assert fmt_number(2.675, "en") == "2.68"  # its binary value is 2.67499…, which "%.2f" shows as 2.67
    assert fmt_change(-0.125, "vi") == "−0,13" and fmt_change(0.005, "en") == "+0.01"


@pytest.mark.parametrize(("value", "vi", "en"), [(0.25, "0,25", "0.25"), (2.5, "2,5", "2.5"), (5.0, "5", "5")])
def test_a_scale_s_ends_are_written_as_they_are(value: float, vi: str, en: str) -> None:
    assert (fmt_plain(value, "vi"), fmt_plain(value, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("gap", "year", "vi", "en"),
    [
        ("scale_change", 2018, "không so được: thang điểm đổi năm 2018", "no comparison: the scale changed in 2018"),
        ("previous_missing", 2023, "không so được: năm 2022 không có dữ liệu", "no comparison: no data for 2022"),
        (
            "definition_change",
            2021,
            "không so được: cách đo đổi năm 2021",
            "no comparison: the measure changed in 2021",
        ),
        ("first_year", 2018, "không so được: năm 2017 chưa đo", "no comparison: not measured in 2017"),
        ("no_score", 2021, "không có dữ liệu", "no data"),
        (None, 2021, "không có dữ liệu", "no data"),
    ],
)
def test_a_missing_change_says_why(gap: str | None, year: int, vi: str, en: str) -> None:
    assert (change_text(None, gap, year, "vi"), change_text(np.nan, gap, year, "en")) == (vi, en)


def test_a_change_that_exists_is_the_change() -> None:
    assert change_text(-0.125, None, 2024, "vi") == "−0,13"
