"""Who made PAPI, by report year, and the citation line a chart or a download carries.

The partners changed: CECODES, VFF-CRT and UNDP from the start, RTA from the 2017 report; the 2023 report is cited as
CECODES, RTA & UNDP (sources/report_partners.csv says where each year's list comes from). A figure that spans several
years cites every partner of those years, in the order of the partners table (the order PAPI cites them in); a year
whose partners are assumed (2024: no source names them) says so in the line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

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


APP_VI = "Bảng điều khiển PAPI"
APP_EN = "PAPI Dashboard"


@dataclass(frozen=True)
class ViewCitation:
    """A view's citation in three forms: a plain line, APA (7th ed.) and a BibTeX entry (ASCII-safe key)."""

    plain: str
    apa: str
    bibtex: str

    def as_dict(self) -> dict[str, str]:
        return {"plain": self.plain, "apa": self.apa, "bibtex": self.bibtex}


def view_citation(
    report_partners_table: pd.DataFrame,
    partners: pd.DataFrame,
    years: int | Iterable[int],
    lang: str,
    link: str,
    accessed: dt.date,
) -> ViewCitation:
    """How to cite a view of the app: PAPI's partners for the years shown (the data's authors), the source, the app,
    the view's link and the day it was read. The same text goes on the Cite button, in downloads and in the API."""
    ids = report_partners(report_partners_table, partners, years)
    names = dict(zip(partners["id"], partners[f"name_{lang}"], strict=True))
    span = _years(years)
    app = APP_VI if lang == "vi" else APP_EN
    title = (
        f"Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) {span}"
        if lang == "vi"
        else f"The Viet Nam Provincial Governance and Public Administration Performance Index (PAPI) {span}"
    )
    read = "truy cập" if lang == "vi" else "accessed"
    plain = f"{citation(report_partners_table, partners, years, lang)}. {app}, {link} ({read} {accessed.isoformat()})."
    authors = ", ".join(names[i] for i in ids[:-1]) + (", & " if len(ids) > 1 else "") + names[ids[-1]]
    retrieved = "Truy xuất ngày" if lang == "vi" else "Retrieved"
    apa = f"{authors}. ({span}). {title} [{app}]. {retrieved} {accessed.isoformat()}, {link}"
    last = max({years} if isinstance(years, int) else set(years))
    key = "papi" + re.sub(r"[^0-9]", "", span)[:8] + accessed.strftime("%Y%m%d")
    bib_authors = " and ".join("{" + names[i] + "}" for i in ids)
    bibtex = (
        f"@misc{{{key},\n  author = {{{bib_authors}}},\n  title = {{{title}}},\n  year = {{{last}}},\n"
        f"  howpublished = {{{app}}},\n  url = {{{link}}},\n  note = {{{read} {accessed.isoformat()}; {SITE}}}\n}}"
    )
    return ViewCitation(plain=plain, apa=apa, bibtex=bibtex)
