"""Every way we could think of to malform a source file ends in a report naming the file (and the line where there is
one) with exit code 1, never a Python traceback, and the store is left byte for byte as it was. Synthetic breakages of
a private copy of the sources."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from papi_data.build import assemble, main
from papi_data.store.problems import SourceRejected
from tests.unit.test_build import tree_digest

SCORES, PROVINCES, DIMENSIONS, PLANS = "papi_scores_long.csv", "provinces_63.csv", "dimensions.csv", "plans.yaml"


def _header_only(data: bytes) -> bytes:
    return data.split(b"\n", 1)[0] + b"\n"


def _repeat_first_column(data: bytes) -> bytes:
    header, rest = data.split(b"\n", 1)
    return header + b"," + header.split(b",")[0] + b"\n" + rest


def _at_line(line: int, insert: bytes) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[line - 1] = lines[line - 1][:5] + insert + lines[line - 1][5:]
        return b"\n".join(lines)

    return edit


# (file, how it is broken, expected "file:line" or "file" at the start of the report line, words in the reason)
CASES: list[tuple[str, Callable[[bytes], bytes] | str | None, str, str]] = [
    (SCORES, _at_line(3, b"\xff"), f"{SCORES}:3", "byte 0xFF is not UTF-8"),
    (SCORES, _at_line(40, "é".encode("latin-1")), f"{SCORES}:40", "is not UTF-8"),
    (SCORES, lambda d: d.decode("utf-8").encode("utf-16"), f"{SCORES}:1", "is UTF-16 text"),
    (SCORES, lambda d: d.decode("utf-8").encode("utf-16-le"), f"{SCORES}:1", "NUL bytes"),
    (SCORES, _header_only, f"{SCORES}:1", "only a header"),
    (SCORES, lambda d: b"", f"{SCORES}:1", "required column(s) missing"),
    (SCORES, None, SCORES, "file is missing"),
    (SCORES, "folder", SCORES, "is not a regular file"),
    (SCORES, _at_line(7, b"\x07"), f"{SCORES}:7 [province_name_vi]", "control character U+0007"),
    (SCORES, _at_line(9, b'"' + b"x" * 140_000), f"{SCORES}:9", "not valid CSV: field larger"),
    (SCORES, _repeat_first_column, f"{SCORES}:1", "given twice in the header"),
    (SCORES, lambda d: bytes(range(256)) * 4, f"{SCORES}:1", "NUL bytes"),
    (PROVINCES, _at_line(5, b"\xc3"), f"{PROVINCES}:5", "is not UTF-8"),
    (PROVINCES, _header_only, f"{PROVINCES}:1", "only a header"),
    (DIMENSIONS, _header_only, f"{DIMENSIONS}:1", "only a header"),
    (DIMENSIONS, lambda d: d.decode("utf-8").encode("utf-16"), f"{DIMENSIONS}:1", "is UTF-16 text"),
    (PLANS, _at_line(4, b"\xff"), f"{PLANS}:4", "is not UTF-8"),
    (PLANS, lambda d: d.decode("utf-8").encode("utf-16"), f"{PLANS}:1", "is UTF-16 text"),
    (PLANS, lambda d: b"", PLANS, "must hold a list"),
    (PLANS, lambda d: b"a: &a [x, x]\nb: &b [*a, *a]\nplans: [*b, *b]\n", f"{PLANS}:2", "aliases"),
    (PLANS, lambda d: b"plans: [\n", f"{PLANS}:2", "not valid YAML"),
    (PLANS, "folder", PLANS, "is not a regular file"),
    ("seeds/000_767cc3d581214d55.txt", _at_line(2, b"\xff"), f"{PLANS}:", "no article '000_767cc3d581214d55.txt'"),
]


def _break(sources: Path, name: str, breakage: Callable[[bytes], bytes] | str | None) -> None:
    file = sources / name
    data = file.read_bytes()
    file.unlink()
    if breakage == "folder":
        file.mkdir()
    elif callable(breakage):
        file.write_bytes(breakage(data))


def _report_line(where: str, words: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(where)}.*{re.escape(words)}", re.MULTILINE)


@pytest.mark.parametrize(("name", "breakage", "where", "words"), CASES, ids=lambda c: getattr(c, "__name__", None))
def test_malformed_source_is_reported_not_crashed(
    name: str, breakage: Callable[[bytes], bytes] | str | None, where: str, words: str, sources_copy: Path
) -> None:
    """Through assemble(), the validation the CLI runs before it writes anything: a SourceRejected (which the CLI
    prints and exits 1 on, below) naming only the broken file, never another exception."""
    _break(sources_copy, name, breakage)
    with pytest.raises(SourceRejected) as rejected:
        assemble(sources_copy)
    report = str(rejected.value)  # what the CLI prints under its first line
    assert report.startswith(f"{len(rejected.value.problems)} problem(s) in the sources:\n"), report
    assert {p.file for p in rejected.value.problems} == {where.split(":")[0]}, report
    assert _report_line(where, words).search(report), report


# The CLI on a full-size store, for a broken table and a broken plans file: exit code 1, the report on stderr, nothing
# on stdout, and the store byte for byte as it was.
@pytest.mark.parametrize(("name", "breakage", "where", "words"), [CASES[0], CASES[20]], ids=["scores", "plans"])
def test_malformed_source_stops_the_cli_and_keeps_the_store(
    name: str,
    breakage: Callable[[bytes], bytes] | str | None,
    where: str,
    words: str,
    sources_copy: Path,
    good_store: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _break(sources_copy, name, breakage)
    before = tree_digest(good_store)

    assert main(["--sources", str(sources_copy), "--store", str(good_store)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert _report_line(where, words).search(err), err
    assert tree_digest(good_store) == before
