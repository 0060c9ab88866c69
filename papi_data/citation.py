"""Who made PAPI, by report year, and the citation line a chart or a download carries.

The partners changed: CECODES, VFF-CRT and UNDP from the start, RTA from the 2017 report; the 2023 report is cited as
CECODES, RTA & UNDP (sources/report_partners.csv says where each year's list comes from). A figure that spans several
years cites every partner of those years, in the order of the partners table (the order PAPI cites them in); a year
whose partners are assumed (2024: no source names them) says so in the line.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

SITE = "papi.org.vn"


def report_partners(report_partners: pd.DataFrame, partners: pd.DataFrame, years: int | Iterable[int]) -> list[str]:
    """The ids of the partners of the reports for `years`, in citation order, each once."""
    wanted = {years} if isinstance(years, int) else set(years)
    present = set(report_partners.loc[report_partners["year"].isin(wanted), "partner_id"])
    return [partner for partner in partners["id"] if partner in present]


def _years(years: int | Iterable[int]) -> str:
    chosen = sorted({years} if isinstance(years, int) else set(years))
    if len(chosen) > 1 and chosen[-1] - chosen[0] == len(chosen) - 1:
        return f"{chosen[0]}–{chosen[-1]}"
    return ", ".join(map(str, chosen))


def citation(
    report_partners_table: pd.DataFrame,
    partners: pd.DataFrame,
    years: int | Iterable[int],
    lang: str,
    full: bool = False,
) -> str:
    """The source line for a figure of `years`: "PAPI 2023 — CECODES, RTA & UNDP, papi.org.vn".

    With `full`, the partners are named in `lang` ("… Centre for Research and Training of the Viet Nam Fatherland
    Front (VFF-CRT) …"); the short form uses the abbreviations, which read the same in both languages.
    """
    ids = report_partners(report_partners_table, partners, years)
    if full:
        names = dict(zip(partners["id"], partners[f"name_{lang}"], strict=True))
        listed = [f"{names[i]} ({i})" for i in ids]
        joiner = " và " if lang == "vi" else " and "
    else:
        listed, joiner = ids, " & "
    who = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + joiner + listed[-1]
    assumed = assumed_years(report_partners_table, years)
    note = ASSUMED[lang if lang in ASSUMED else "vi"].format(years=_years(assumed)) if assumed else ""
    return f"PAPI {_years(years)} — {who}{note}, {SITE}"


# A year whose partners no source names (report_partners.csv's basis "assumed: …") says so wherever it is cited.
ASSUMED = {
    "vi": " (đối tác năm {years}: giả định, chưa có tài liệu)",
    "en": " ({years} partners assumed, not documented)",
}


def assumed_years(report_partners_table: pd.DataFrame, years: int | Iterable[int]) -> list[int]:
    """The years among `years` whose report partners are an assumption, not documented."""
    wanted = {years} if isinstance(years, int) else set(years)
    rows = report_partners_table[report_partners_table["year"].isin(wanted)]
    return sorted(int(y) for y in rows.loc[rows["basis"].str.startswith("assumed"), "year"].unique())
