"""How a bad source row is reported: file, line, column and reason, collected so one build shows them all."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_SOURCE_BYTES = 64 * 2**20  # the scores table is under 1 MB; anything this large is a wrong file
# The csv module's default field limit, checked here too: another library (frictionless) may raise the process-wide
# limit, and a value this long is a broken file whatever the csv module was told.
FIELD_LIMIT = 131_072
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # control characters (tab allowed): never in a value
_REASON_LIMIT = 300  # characters of a reason shown; a huge value in it would bury the report


@dataclass(frozen=True)
class SourceProblem:
    file: str
    line: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        column = f" [{self.column}]" if self.column else ""
        reason = self.reason if len(self.reason) <= _REASON_LIMIT else self.reason[:_REASON_LIMIT] + "…"
        return f"{where}{column}: {reason}"


class SourceRejected(Exception):
    """The sources broke at least one rule; nothing was written."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the sources:\n" + "\n".join(map(str, problems)))


def read_source_text(path: Path, problems: list[SourceProblem], name: str | None = None) -> str | None:
    """The text of a UTF-8 source file (a BOM is allowed), or None with the reason recorded as a problem: missing,
    not a regular file, unreadable, too large, UTF-16 or binary, or a byte that is not UTF-8 (at its line)."""
    text, line, reason = _decoded(path)
    if text is None:
        problems.append(SourceProblem(name or path.name, line, None, reason))
    return text


def _decoded(path: Path) -> tuple[str | None, int | None, str]:
    """(text, None, "") or (None, line or None, reason)."""
    try:
        if not path.exists():
            return None, None, "file is missing"
        if not path.is_file():
            return None, None, "is not a regular file"
        if path.stat().st_size > MAX_SOURCE_BYTES:
            return None, None, f"is larger than {MAX_SOURCE_BYTES // 2**20} MB: not a source table"
        raw = path.read_bytes()
    except OSError as err:
        return None, None, f"cannot be read: {err.strerror or err}"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, 1, "is UTF-16 text: save it as UTF-8"
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        return None, line, "holds NUL bytes (UTF-16 without its mark, or not a text file): save it as UTF-8 text"
    try:
        return raw.decode("utf-8-sig"), None, ""
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return None, line, f"byte 0x{raw[err.start]:02X} is not UTF-8: save the file as UTF-8"


def read_csv_rows(
    path: Path, required: list[str], problems: list[SourceProblem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a UTF-8 CSV; whatever is wrong with the file or a row is recorded instead."""
    text = read_source_text(path, problems)
    if text is None:
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    start = 1  # the line where the record being read begins
    try:
        header = reader.fieldnames or []
        repeated = sorted({c for c in header if header.count(c) > 1})
        if repeated:
            problems.append(SourceProblem(path.name, 1, ", ".join(repeated), "column(s) given twice in the header"))
            return
        missing = [c for c in required if c not in header]
        if missing:
            problems.append(
                SourceProblem(path.name, 1, ", ".join(missing), "required column(s) missing from the header")
            )
            return
        start, rows = reader.line_num + 1, 0
        for row in reader:
            rows += 1
            if None in row or any(v is None for v in row.values()):
                problems.append(SourceProblem(path.name, start, None, "wrong number of fields"))
            elif longest := next((k for k, v in row.items() if len(v) > FIELD_LIMIT), None):
                reason = f"not valid CSV: field larger than field limit ({FIELD_LIMIT})"
                problems.append(SourceProblem(path.name, start, longest, reason))
            elif control := next(((k, m) for k, v in row.items() if (m := _CONTROL.search(v))), None):
                column, char = control[0], control[1].group()
                reason = f"control character U+{ord(char):04X} in the value"
                problems.append(SourceProblem(path.name, start, column, reason))
            else:
                yield start, {k: v.strip() for k, v in row.items()}
            start = reader.line_num + 1
        if not rows:
            problems.append(SourceProblem(path.name, 1, None, "only a header: the table has no rows"))
    except csv.Error as err:  # e.g. a field longer than the csv module allows
        problems.append(SourceProblem(path.name, start, None, f"not valid CSV: {err}"))
