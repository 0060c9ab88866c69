"""What the explorer's reader takes away: the filtered view as one table, and that table as CSV (a plain table), Excel
and Parquet bytes (each with a note of the filters, the date and the citation), and as a data package: a ZIP of the
CSV, a Frictionless `datapackage.json` (fields, types, units, missing values, licence, sources, citation) and a README
in the reader's language. Pure: data in, bytes out.

The table (`view_table`) is also what the page shows, so a download holds exactly the rows on screen. Its column names
are stable snake_case words whatever the language (scripts can rely on them); names and labels in the cells are in the
reader's language, and the province's name is given in both.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from papi_data.eras import province_set
from papi_data.explore import Filters, Summary
from papi_data.store.schema import EIGHT_DIMENSION_YEAR, FIRST_YEAR, GROUPS, total_range
from ui.core.i18n import t
from ui.core.metrics import TRANSLATED_MARK, Metrics
from ui.core.numbers import fmt_number

COLUMNS = [
    "province_code",
    "province_vi",
    "province_en",
    "region",
    "year",
    "metric",
    "metric_name",
    "parent_dimension",
    "scale",
    "score",
    "rank",
    "n",
    "rank_of",
    "group",
    "change_prev",
    "change_base",
    "base_year",
    "source",
    "se",
    "ci90_low",
    "ci90_high",
    "respondents",
    "interval_source",
    "province_set",  # 63 through 2024, 34 from 2025 (papi_data.eras): changes and comparisons stay within one
]
INTERVAL_COLUMNS = ["se", "ci90_low", "ci90_high", "respondents"]
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


@dataclass(frozen=True)
class Note:
    """What a file says about itself, as label–text lines in the reader's language (filters, date, citation, …)."""

    title: str
    lines: tuple[tuple[str, str], ...]
    citation: str  # "PAPI 2018–2024 — CECODES, VFF-CRT, RTA & UNDP, papi.org.vn" (papi_data.citation)
    sheet_names: tuple[str, str] = ("Data", "Notes")  # the Excel sheets: the table, this note


def view_table(rows: pd.DataFrame, regions: pd.DataFrame, metrics: Metrics, lang: str, base_year: int) -> pd.DataFrame:
    """The filtered rows (from papi_data.explore, with names and `change_base`) as the reader sees and downloads them.

    Rows are the total, dimensions and sub-dimensions (`parent_dimension`: the dimension a sub-dimension belongs to;
    a Vietnamese name that is the project's translation is marked ui.core.metrics.TRANSLATED_MARK). The total's rows
    carry
    PAPI's published standard error, 90% interval and respondents where there are any, and where they come from
    (`interval_source`: the upstream workbook, then the project's file and line). Missing values stay missing (NaN /
    NA), never 0: a rank, a change or an interval is empty where it is not defined or not published.
    """
    region_names = regions.set_index("region_id")[f"name_{lang}"]
    metric, year, rank = rows["dimension"], rows["year"], rows["rank"]
    names = {m: metrics.name(m, lang, mark=True) for m in metric.unique()}
    scales = {
        (m, y): metrics.scale_text(m, int(y), lang) for m, y in rows[["dimension", "year"]].drop_duplicates().to_numpy()
    }
    empty = pd.Series(pd.NA, index=rows.index, dtype="Float64")
    interval = {c: rows.get(c, empty) for c in INTERVAL_COLUMNS}
    if "interval_source" in rows:
        found = rows["interval_source"].notna()
        line = rows["interval_source_line"].astype("Int64").astype("string")
        where = rows["interval_source"] + " — " + rows["interval_source_file"] + ":" + line
        interval_source = where.where(found)
    else:
        interval_source = pd.Series(pd.NA, index=rows.index, dtype="string")
    parent = rows["parent"] if "parent" in rows else pd.Series(pd.NA, index=rows.index, dtype="string")
    rank_of = rank.astype("string").str.cat(rows["n"].astype("string"), sep="/").where(rank.notna())
    return pd.DataFrame(
        {
            "province_code": rows["province_code"].to_numpy(),
            "province_vi": rows["name_vi"].to_numpy(),
            "province_en": rows["name_en"].to_numpy(),
            "region": rows["region_id"].map(region_names).to_numpy(),
            "year": year.astype("int16").to_numpy(),
            "province_set": year.map(lambda y: int(province_set(int(y)))).astype("int16").to_numpy(),
            "metric": metric.to_numpy(),
            "metric_name": metric.map(names).to_numpy(),
            "parent_dimension": parent.array,
            "scale": [scales[key] for key in zip(metric, year, strict=True)],
            "score": rows["score"].to_numpy(),
            "rank": rank.array,
            "n": rows["n"].array,
            "rank_of": rank_of.to_numpy(),
            "group": rows["group"].map({g: t("group_" + g, lang) for g in GROUPS}).to_numpy(),
            "change_prev": rows["change"].to_numpy(),
            "change_base": rows["change_base"].to_numpy(),
            "base_year": pd.array([base_year] * len(rows), dtype="int16"),
            "source": rows["source"].to_numpy(),
            "se": interval["se"].array,
            "ci90_low": interval["ci90_low"].array,
            "ci90_high": interval["ci90_high"].array,
            "respondents": interval["respondents"].astype("Int32").array,
            "interval_source": interval_source.astype("string").array,
        },
        columns=COLUMNS,
        index=rows.index,  # the filtered table's labels: a view of the whole store is cut down by them
    )


def years_text(years: Sequence[int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


def score_range_text(scores: Sequence[float], lang: str) -> str:
    """The score filter in words, with what it means for the totals of each era (see papi_data.explore)."""
    low, high = scores
    span = f"{fmt_number(low, lang, 1)}–{fmt_number(high, lang, 1)}"

    def totals(year: int) -> str:
        per = total_range(year)[0]
        return f"{fmt_number(low * per, lang, 1)}–{fmt_number(high * per, lang, 1)}"

    return f"{span} ({t('ex_scores_totals', lang, pre=totals(FIRST_YEAR), post=totals(EIGHT_DIMENSION_YEAR))})"


def download_note(
    filters: Filters,
    query: str,
    base_year: int,
    summary: Summary,
    *,
    metrics: Metrics,
    regions: pd.DataFrame,
    provinces: pd.DataFrame,
    lang: str,
    created: dt.date,
    link: str,
    citation: str,
    interval_years: Sequence[int] = (),
) -> Note:
    """The note every download carries: each filter in words, the counts, the date, the link and the citation."""
    every = t("ex_all", lang)
    region_names = regions.set_index("region_id")[f"name_{lang}"]
    province_names = provinces.set_index("code")[f"name_{lang}"]
    found = ", ".join(province_names[c] for c in filters.provinces or ()) or t("ex_search_none", lang)
    lines = (
        (t("ex_years", lang), years_text(filters.years)),
        (
            t("ex_metrics", lang),
            ", ".join(metrics.name(m, lang, mark=True) for m in filters.metrics) or t("ex_metrics_default", lang),
        ),
        (t("ex_regions", lang), ", ".join(region_names[r] for r in filters.regions) or every),
        (t("ex_groups", lang), ", ".join(t("group_" + g, lang) for g in filters.groups) or every),
        (
            t("ex_scores", lang),
            score_range_text(filters.scores, lang) if filters.by_score else t("ex_note_no_score_filter", lang),
        ),
        (
            t("ex_note_provinces", lang),
            every if filters.provinces is None else t("ex_note_search", lang, query=query, names=found),
        ),
        (t("ex_base", lang), str(base_year)),
        (t("ex_note_rows", lang), str(summary.rows)),
        (t("ex_note_without", lang), str(summary.without_data)),
        (t("ex_note_empty", lang), t("ex_note_empty_text", lang)),
        (t("ex_note_source", lang), t("ex_note_source_text", lang)),
        (t("ex_note_interval", lang), t("ex_interval_help", lang, years=", ".join(map(str, interval_years)))),
        (t("ex_note_translated_label", lang), t("ex_note_translated", lang, mark=TRANSLATED_MARK)),
        (t("ex_note_citation", lang), citation),
        (t("ex_note_rights", lang), t("ex_note_rights_text", lang)),
        (t("ex_note_date", lang), created.isoformat()),
        (t("ex_note_link", lang), link),
    )
    return Note(t("ex_note_title", lang), lines, citation, (t("ex_sheet_data", lang), t("ex_sheet_note", lang)))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def to_csv(table: pd.DataFrame) -> bytes:
    """A plain table: UTF-8 with a byte-order mark (Excel then reads Vietnamese right; pandas and R's readr skip it),
    one header row, no comment lines (the note goes in the data package's README and datapackage.json), `.` as the
    decimal separator, an empty cell for no data. Province codes stay two-digit text in the file; pandas reads them
    as text with `dtype={"province_code": str}`."""
    return ("\ufeff" + table.to_csv(index=False, lineterminator="\n")).encode("utf-8")


def to_parquet(table: pd.DataFrame, note: Note) -> bytes:
    """The table with the note in the file's key-value metadata (`papi_note`, a JSON list of [label, text] pairs;
    `papi_title`; `papi_citation`)."""
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    metadata = {
        **(arrow.schema.metadata or {}),
        b"papi_title": note.title.encode("utf-8"),
        b"papi_note": json.dumps([list(line) for line in note.lines], ensure_ascii=False).encode("utf-8"),
        b"papi_citation": note.citation.encode("utf-8"),
    }
    out = io.BytesIO()
    pq.write_table(arrow.replace_schema_metadata(metadata), out)
    return out.getvalue()


# --- Excel ------------------------------------------------------------------------------------------------------------
# Written directly as Office Open XML (a zip of a few XML parts): openpyxl, without lxml, needs ~3 s for the whole
# store, which is over the 1 s a download may take; this writer needs a tenth of that. Only what the files need:
# shared strings, numbers, a bold header row frozen at the top, column widths.

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot carry
_STYLES = (
    f"<styleSheet {_NS}>"
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _SharedStrings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(_NOT_XML.sub("", s))}</t></si>' for s in self.index)
        return f'{_XML}<sst {_NS} count="{len(self.index)}" uniqueCount="{len(self.index)}">{items}</sst>'


def _cells(column: pd.Series, letter: str, strings: _SharedStrings) -> list[str]:
    """One column's cells from row 2 on; a missing value is no cell at all (an empty cell, never 0)."""
    missing = column.isna().to_numpy()
    numeric = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
    values = column.astype(object).to_numpy()
    out = []
    for row, (value, gone) in enumerate(zip(values, missing, strict=True), start=2):
        if gone:
            out.append("")
        elif numeric:
            out.append(
                f'<c r="{letter}{row}"><v>{value!r}</v></c>'
                if isinstance(value, float)
                else f'<c r="{letter}{row}"><v>{int(value)}</v></c>'
            )
        else:
            out.append(f'<c r="{letter}{row}" t="s"><v>{strings(str(value))}</v></c>')
    return out


def _sheet(table: pd.DataFrame, strings: _SharedStrings, widths: list[float]) -> str:
    letters = [_column_letter(i) for i in range(len(table.columns))]
    head = "".join(
        f'<c r="{letter}1" t="s" s="1"><v>{strings(str(name))}</v></c>'
        for letter, name in zip(letters, table.columns, strict=True)
    )
    columns = [_cells(table[name], letter, strings) for name, letter in zip(table.columns, letters, strict=True)]
    rows = [f'<row r="1">{head}</row>']
    rows += [f'<row r="{i}">{"".join(cells)}</row>' for i, cells in enumerate(zip(*columns, strict=True), start=2)]
    cols = "".join(f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>' for i, w in enumerate(widths, start=1))
    view = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    return f"{_XML}<worksheet {_NS}><sheetViews>{view}</sheetView></sheetViews><cols>{cols}</cols>" + (
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def to_xlsx(table: pd.DataFrame, note: Note) -> bytes:
    """A workbook with the table on its first sheet and the note on the second."""
    strings = _SharedStrings()
    widths = [min(40.0, max(10.0, len(str(c)) + 2.0)) for c in table.columns]
    notes = pd.DataFrame(note.lines, columns=[note.title, ""])
    sheets = [_sheet(table, strings, widths), _sheet(notes, strings, [30.0, 110.0])]
    names = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(note.sheet_names, 1)
    )
    parts = {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": f'{_XML}<workbook {_NS} xmlns:r="{_REL}"><sheets>{names}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/worksheet" Target="worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId4" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheets[0],
        "xl/worksheets/sheet2.xml": sheets[1],
        "xl/styles.xml": _XML + _STYLES,
        "xl/sharedStrings.xml": strings.xml(),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


# --- Data package -----------------------------------------------------------------------------------------------------
# A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/), validated in the tests with the
# frictionless library: the CSV, its schema and what the note says, so that the files explain themselves anywhere.

PACKAGE_CSV = "papi.csv"
_FIELDS: dict[str, tuple[str, str]] = {  # column → (Table Schema type, what it holds)
    "province_code": ("string", "GSO code of the province (63-province era), two digits"),
    "province_vi": ("string", "Province name in Vietnamese"),
    "province_en": ("string", "Province name in English"),
    "region": ("string", "Region"),
    "year": ("integer", "PAPI survey year"),
    "metric": ("string", "Metric id: total, a dimension (d1_…) or a sub-dimension (d1.…)"),
    "metric_name": ("string", "Metric name"),
    "parent_dimension": ("string", "The dimension a sub-dimension belongs to"),
    "scale": ("string", "The metric's scale that year"),
    "score": ("number", "Score, unrounded, on the metric's scale"),
    "rank": ("integer", "Rank among the provinces with a score (1 = best)"),
    "n": ("integer", "Provinces with a score that year (ranked)"),
    "rank_of": ("string", "Rank as rank/n"),
    "group": ("string", "PAPI group (quartiles of the year's scores)"),
    "change_prev": ("number", "Score minus the previous year's, where comparable"),
    "change_base": ("number", "Score minus the base year's, where comparable"),
    "base_year": ("integer", "The base year of change_base"),
    "source": ("string", "Where the score comes from (file and line)"),
    "se": ("number", "Standard error of the total published by PAPI"),
    "ci90_low": ("number", "Lower end of PAPI's published 90% interval of the total"),
    "ci90_high": ("number", "Upper end of PAPI's published 90% interval of the total"),
    "respondents": ("integer", "Respondents in the province that year (published with the interval)"),
    "interval_source": ("string", "Where the interval comes from"),
    "province_set": ("integer", "The provinces the year's survey covers: 63 (to 2024) or 34 (from 2025)"),
}
_UNITS = {"score": "points", "change_prev": "points", "change_base": "points", "se": "points"}
_UNITS |= {"ci90_low": "points", "ci90_high": "points", "rank": "place", "respondents": "people"}


def package_descriptor(table: pd.DataFrame, note: Note, name: str, lang: str) -> dict:
    """The datapackage.json of `table` (the explorer's columns) with the note: title, filters, date, link, citation."""
    lines = dict(note.lines)
    fields = []
    for column in table.columns:
        kind, description = _FIELDS[column]
        field = {"name": column, "type": kind, "description": description}
        if column in _UNITS:
            field["unit"] = _UNITS[column]
        fields.append(field)
    return {
        "name": name,
        "title": note.title,
        "description": "\n".join(f"{label}: {text}" for label, text in note.lines),
        "created": f"{lines[t('ex_note_date', lang)]}T00:00:00Z",  # RFC 3339, as the spec asks; the note has the day
        "homepage": lines.get(t("ex_note_link", lang), ""),
        "citation": note.citation,
        "licenses": [
            {
                "name": "other-at",
                "path": "https://papi.org.vn",
                "title": "PAPI: © CECODES, VFF-CRT, RTA & UNDP. Cite the source; the publishers state no open licence.",
            }
        ],
        "sources": [{"title": note.citation, "path": "https://papi.org.vn"}],
        "resources": [
            {
                "name": "scores",
                "path": PACKAGE_CSV,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {"fields": fields, "missingValues": [""]},
            }
        ],
    }


def package_readme(note: Note, lang: str) -> str:
    """The package's README in the reader's language: what it holds, each filter, the date, the link, the notes."""
    body = "\n".join(f"- **{label}**: {text}" for label, text in note.lines)
    return f"# {note.title}\n\n{t('ex_package_readme', lang, csv=PACKAGE_CSV)}\n\n{body}\n"


def to_package(table: pd.DataFrame, note: Note, name: str, lang: str) -> bytes:
    """A ZIP of the CSV (plain table), datapackage.json and README.md."""
    descriptor = package_descriptor(table, note, name, lang)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PACKAGE_CSV, to_csv(table))
        archive.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2).encode("utf-8"))
        archive.writestr("README.md", package_readme(note, lang).encode("utf-8"))
    return out.getvalue()
