"""Store faults, told to the right person in the right words (issue 24): for each fault, what a visitor sees (in their
language, no command, no file, no path, no traceback), what the server's log says (once, however many views), the
readiness answer (/healthz), and that the last good build is served where one exists.

The store is two copies of the built store's live build: "new" (live) and "old" (the one a build keeps before it,
dated 15 January 2026). The tests run as root here, for whom `chmod 000` changes nothing, so the two "unreadable"
faults use a test double for the file system call: reading CURRENT (Path.read_text) and hashing one file
(papi_data.store.files.file_digest) raise PermissionError.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from papi_data.store import files, load
from papi_data.store.files import current_build
from papi_data.store.paths import BUILDS, CURRENT, MANIFEST, store_dir
from server import health
from tests.app.conftest import open_app
from ui.core.i18n import t

OLD_DATE = "2026-01-15T08:00:00+00:00"


@pytest.fixture
def two_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store folder with the builds "new" (named by CURRENT) and "old" (older, on disk), as PAPI_STORE_DIR."""
    live = store_dir() / BUILDS / str(current_build(store_dir()))
    root = tmp_path / "store"
    for name, built_at, age in [("old", OLD_DATE, 3600), ("new", None, 0)]:
        folder = root / BUILDS / name
        shutil.copytree(live, folder)
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        manifest.update(build_id=name, built_at=built_at or manifest["built_at"])
        (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        os.utime(folder, (folder.stat().st_mtime - age,) * 2)
    (root / CURRENT).write_text("new\n", encoding="utf-8")
    monkeypatch.setenv("PAPI_STORE_DIR", str(root))
    return root


def unreadable_current(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read_text = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self == root / CURRENT:
            raise PermissionError(13, "Permission denied")
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)


def missing_build(root: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(root / BUILDS / "new")  # CURRENT still names it


def truncated_file(root: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    scores = root / BUILDS / "new" / "scores.parquet"
    scores.write_bytes(scores.read_bytes()[:1000])


def unreadable_file(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    digest = files.file_digest

    def refuse(path: Path) -> str:
        if path == root / BUILDS / "new" / "scores.parquet":
            raise PermissionError(13, "Permission denied")
        return digest(path)

    monkeypatch.setattr(load, "file_digest", refuse)


FAULTS: dict[str, tuple[Callable[[Path, pytest.MonkeyPatch], None], str, str]] = {
    # fault: (injection, what the log and readiness name, the release then served)
    "unreadable CURRENT": (unreadable_current, "unreadable: CURRENT cannot be read (Permission denied)", "new"),
    "CURRENT names a missing build": (missing_build, "missing: no folder for build 'new'", "old"),
    "a truncated file": (truncated_file, "corrupt: scores.parquet is damaged", "old"),
    "an unreadable file": (unreadable_file, "unreadable: scores.parquet cannot be read (Permission denied)", "old"),
}


def readiness(local: bool) -> tuple[int, dict]:
    client = ("127.0.0.1", 40000) if local else ("10.0.0.9", 40000)
    response = TestClient(Starlette(routes=[health.route()]), client=client).get("/healthz")
    return response.status_code, response.json()


def shown(at: object) -> str:
    kinds = ("title", "markdown", "caption", "info", "warning", "error", "text", "code", "exception")
    return " ".join(str(element.value) for kind in kinds for element in getattr(at, kind))


def store_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "papi.store" and r.levelno >= logging.WARNING]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_store_fault_serves_the_last_good_build(
    fault: str, two_builds: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    inject, reason, served = FAULTS[fault]
    (two_builds / BUILDS / "old" / "scores.parquet").stat()  # the old build is there, whole
    inject(two_builds, monkeypatch)
    with caplog.at_level(logging.INFO, logger="papi.store"):
        for page, lang in [(None, "vi"), ("pages/map.py", "en"), (None, "en")]:
            at = open_app(page, lang=lang)
            assert not at.exception and not at.error, shown(at)
            notices = [i.value for i in at.info if "release" in i.value or "bản dữ liệu" in i.value]
            date = "15/01/2026" if lang == "vi" else "2026-01-15"
            if served == "old":
                assert notices == [t("store_older", lang, date=date)]
            else:
                assert len(notices) == 1 and date not in notices[0]
            text = shown(at)
            assert "make store" not in text and "parquet" not in text and str(two_builds) not in text
            assert "Traceback" not in text and CURRENT not in text
    lines = store_lines(caplog)
    assert len(lines) == 1, lines  # once, however many views
    assert reason in lines[0] and f"serving build {served}" in lines[0] and "remedy:" in lines[0]
    status, answer = readiness(local=True)
    assert status == 200 and answer["status"] == "older" and answer["build"] == served
    assert reason in answer["fault"] and answer["remedy"]
    status, answer = readiness(local=False)  # a visitor through the proxy: no operator's words
    assert status == 200 and set(answer) == {"status", "build", "built_at"}


def test_without_a_good_build_the_visitor_is_told_briefly_and_readiness_fails(
    two_builds: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    for build in ("new", "old"):
        scores = two_builds / BUILDS / build / "scores.parquet"
        scores.write_bytes(scores.read_bytes()[:1000])
    with caplog.at_level(logging.INFO, logger="papi.store"):
        for page, lang in [(None, "vi"), ("pages/about.py", "en")]:
            at = open_app(page, lang=lang)
            assert not at.exception
            assert [e.value for e in at.error] == [t("store_unavailable", lang)]
            text = shown(at)
            assert "make store" not in text and "parquet" not in text and str(two_builds) not in text
    lines = store_lines(caplog)
    assert len(lines) == 1 and "store unavailable: serving nothing; corrupt: scores.parquet" in lines[0]
    status, answer = readiness(local=True)
    assert status == 503 and answer["status"] == "unavailable" and "make store" in answer["remedy"]


def test_a_new_good_build_ends_the_fault(two_builds: Path, caplog: pytest.LogCaptureFixture) -> None:
    (two_builds / CURRENT).write_text("gone\n", encoding="utf-8")
    assert readiness(local=True)[1]["status"] == "older"
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="papi.store"):
        (two_builds / CURRENT).write_text("new\n", encoding="utf-8")  # the operator's rebuild, published
        status, answer = readiness(local=True)
    assert status == 200 and answer == {
        "status": "ok",
        "build": "new",
        "built_at": answer["built_at"],
        "fault": None,
        "remedy": None,
    }
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.name == "papi.store"] == ["store ok"]


def test_a_damaged_new_build_leaves_the_one_in_memory_served(
    two_builds: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A server that verified "old" keeps serving it when CURRENT moves to a damaged "new" (as a publish would)."""
    (two_builds / CURRENT).write_text("old\n", encoding="utf-8")
    assert readiness(local=True)[1]["build"] == "old"
    truncated_file(two_builds, pytest.MonkeyPatch())
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="papi.store"):
        (two_builds / CURRENT).write_text("new\n", encoding="utf-8")
        answers = [readiness(local=True) for _ in range(3)]
    assert all(status == 200 for status, _ in answers)
    assert {(a["status"], a["build"], a["built_at"]) for _, a in answers} == {("older", "old", OLD_DATE)}
    assert len(store_lines(caplog)) == 1
