"""How a bad source row is reported: file, line, column and reason, collected so one build shows them all."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceProblem:
    file: str
    line: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        column = f" [{self.column}]" if self.column else ""
        return f"{where}{column}: {self.reason}"


class SourceRejected(Exception):
    """The sources broke at least one rule; nothing was written."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the sources:\n" + "\n".join(map(str, problems)))


def read_csv_rows(
    path: Path, required: list[str], problems: list[SourceProblem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a UTF-8 CSV; a missing file or column is recorded as a problem instead."""
    if not path.exists():
        problems.append(SourceProblem(path.name, None, None, "file is missing"))
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            problems.append(
                SourceProblem(path.name, 1, ", ".join(missing), "required column(s) missing from the header")
            )
            return
        start = reader.line_num + 1
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                problems.append(SourceProblem(path.name, start, None, "wrong number of fields"))
            else:
                yield start, {k: v.strip() for k, v in row.items()}
            start = reader.line_num + 1
