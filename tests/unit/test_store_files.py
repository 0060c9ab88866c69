"""The store's files: one folder per build behind one pointer. A build killed at any moment leaves the old or the new
store; a reader loading while builds alternate gets one build whole; leftovers of killed builds are cleaned.

Two synthetic variants of the real tables stand for two different builds: A is a cut (the first rows of every table),
B is A with the last row of every table dropped, so a table of one build read with the manifest (or another table) of
the other shows in the row counts.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet
import pytest

from papi_data.build import write_store
from papi_data.store.files import build_folder, build_lock, clean, complete_builds, current_build, file_digest
from papi_data.store.load import PapiStore, StoreUnavailable, load_store, store_version
from papi_data.store.paths import BUILDS, CURRENT, MANIFEST, SOURCES_DIR
from papi_data.store.schema import DERIVED_TABLES, TABLES

Tables = dict[str, pd.DataFrame]
CUT_ROWS = 4


@pytest.fixture(scope="module")
def variants(real_store: PapiStore) -> tuple[Tables, Tables]:
    """A: a cut of the real tables, their first rows (a build's file-system steps are the same whatever its tables
    hold, and the steps are what these tests kill and race; the full tables made each build ten times slower)."""
    a = {
        name: frame.head(CUT_ROWS)
        for name, frame in ({n: getattr(real_store, n) for n in TABLES} | real_store.derived).items()
    }
    return a, {name: frame.iloc[:-1] for name, frame in a.items()}


def variant_of(store: PapiStore, variants: tuple[Tables, Tables]) -> str:
    """ "A" or "B" when the manifest and every table come from one variant; fails the test on a mix."""
    counts = {name: len(getattr(store, name)) for name in TABLES} | {n: len(f) for n, f in store.derived.items()}
    assert counts == store.manifest["rows"], f"manifest of one build, tables of another: {counts}"
    names = [v for v, tables in zip("AB", variants, strict=True) if counts == {n: len(f) for n, f in tables.items()}]
    assert len(names) == 1, f"tables of two builds mixed: {counts}"
    return names[0]


def test_a_store_is_a_pointer_and_build_folders(tmp_path: Path, variants: tuple[Tables, Tables]) -> None:
    store = tmp_path / "store"
    ids = []
    for tables in (variants[0], variants[1], variants[0]):
        write_store(tables, SOURCES_DIR, store)
        ids.append(current_build(store))
    assert sorted(p.name for p in store.iterdir()) == sorted([BUILDS, CURRENT])
    # the live build and the one before (a reader may still be in it); the first is gone
    assert sorted(p.name for p in (store / BUILDS).iterdir()) == sorted(ids[1:])
    assert load_store(store).manifest["build_id"] == ids[2]
    assert load_store(store, build=ids[1]).manifest["build_id"] == ids[1]


# --- a build killed at any moment ---------------------------------------------------------------------------------


class Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so no `except` in the build catches it."""


def die_at_step(k: int, patch: pytest.MonkeyPatch) -> list[str]:
    """Make the k-th file-system step of the next build the moment it is killed: that step and every later one (the
    build's own clean-up included) never happen, as when the process dies. Returns the log of the steps taken."""
    log: list[str] = []

    def step(name: str, real: Callable) -> Callable:
        def wrapper(*args: object, **kwargs: object) -> object:
            if len(log) > k:
                return None  # a dead process does nothing more
            if len(log) == k:
                log.append(f"killed before {name}")
                raise Killed
            log.append(name)
            return real(*args, **kwargs)

        return wrapper

    for module, name in STEPS:
        patch.setattr(module, name, step(name, getattr(module, name)))
    return log


STEPS: list[tuple[object, str]] = [
    (os, "mkdir"),
    (os, "rename"),
    (os, "replace"),
    (os, "fsync"),
    (os, "unlink"),
    (shutil, "rmtree"),
    (pyarrow.parquet, "write_table"),
    (Path, "write_text"),
]


def test_a_build_killed_at_any_step_leaves_the_old_or_the_new_store(
    tmp_path: Path, variants: tuple[Tables, Tables]
) -> None:
    store = tmp_path / "store"
    write_store(variants[0], SOURCES_DIR, store)
    seen = set()
    for k in range(200):
        before = current_build(store)
        with pytest.MonkeyPatch.context() as patch:
            log = die_at_step(k, patch)
            with contextlib.suppress(Killed):
                write_store(variants[k % 2 == 0], SOURCES_DIR, store)
        loaded = load_store(store)
        seen.add(variant_of(loaded, variants))
        switched = "replace" in log  # the pointer's switch happened before the kill
        assert (loaded.manifest["build_id"] != before) == switched, log
        with build_lock(store):
            clean(store)  # what the next build or an app server's start does first
        if not log[-1].startswith("killed"):
            break
    else:
        pytest.fail("the build never completed: more steps than expected")
    assert k > 10 and seen == {"A", "B"}
    assert not list((store / BUILDS).glob(".new-*")) and not list(store.glob(f".{CURRENT}.*"))


def test_a_build_killed_at_random_times_leaves_a_usable_store(tmp_path: Path, variants: tuple[Tables, Tables]) -> None:
    """The real thing: SIGKILL to a process that builds in a loop, at random moments."""
    store = tmp_path / "store"
    write_store(variants[0], SOURCES_DIR, store)
    builder = (
        "import sys; from pathlib import Path; from papi_data.build import write_store, SOURCES_DIR\n"
        "from papi_data.store.schema import TABLES; from papi_data.store.load import load_store\n"
        "store = load_store(Path(sys.argv[1]))\n"
        "tables = {name: getattr(store, name) for name in TABLES} | dict(store.derived)\n"
        "write_store(tables, SOURCES_DIR, Path(sys.argv[1]))\n"
        "print('ready', flush=True)  # one build published: the kills below land in the ones that follow\n"
        "while True: write_store(tables, SOURCES_DIR, Path(sys.argv[1]))\n"
    )
    rng = random.Random(13)
    ids = {current_build(store)}
    for _ in range(2):
        process = subprocess.Popen([sys.executable, "-c", builder, str(store)], stdout=subprocess.PIPE, text=True)
        assert process.stdout and process.stdout.readline() == "ready\n"
        try:
            process.wait(timeout=rng.uniform(0.05, 0.5))  # a build takes ~50 ms: the kill lands anywhere in one
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
        assert process.wait() == -signal.SIGKILL
        loaded = load_store(store)
        ids.add(loaded.manifest["build_id"])
    assert len(ids) > 1  # it did build, and whatever it left after each kill loaded whole
    write_store(variants[0], SOURCES_DIR, store)
    assert not list((store / BUILDS).glob(".new-*")) and len(list((store / BUILDS).iterdir())) == 2


# --- readers while builds alternate --------------------------------------------------------------------------------


def test_a_reader_never_sees_a_mix_while_builds_alternate(tmp_path: Path, variants: tuple[Tables, Tables]) -> None:
    """At least 24 builds and 60 loads, each load while builds go on (a cut's build is about as quick as a load)."""
    store = tmp_path / "store"
    write_store(variants[0], SOURCES_DIR, store)
    stop = threading.Event()
    builds = 0

    def alternate() -> None:
        nonlocal builds
        while not stop.is_set():
            write_store(variants[builds % 2], SOURCES_DIR, store)
            builds += 1

    writer = threading.Thread(target=alternate)
    writer.start()
    seen: dict[str, int] = {"A": 0, "B": 0}
    try:
        while writer.is_alive() and (builds < 24 or sum(seen.values()) < 60):
            seen[variant_of(load_store(store), variants)] += 1
    finally:
        stop.set()
        writer.join()
    assert builds >= 24 and seen["A"] and seen["B"], seen


# --- leftovers --------------------------------------------------------------------------------------------------


@pytest.fixture
def built(tmp_path: Path, variants: tuple[Tables, Tables]) -> Iterator[Path]:
    store = tmp_path / "store"
    write_store(variants[0], SOURCES_DIR, store)
    yield store


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid  # finished and reaped: no process has this id now (reuse within the test is unlikely)


def test_leftovers_of_killed_builds_are_cleaned(built: Path) -> None:
    pid = dead_pid()
    staged = built / BUILDS / f".new-{pid}-abc"
    old_layout = built.parent / f".store.old-{pid}"  # what the store layout before build folders left
    half_new = built.parent / ".store.new-x1y2"
    for folder in (staged, old_layout, half_new):
        folder.mkdir()
        (folder / MANIFEST).write_text("{}", encoding="utf-8")
    (built / f".{CURRENT}.{pid}").write_text("x", encoding="utf-8")
    (built / MANIFEST).write_text("{}", encoding="utf-8")  # old layout's files in the store folder
    (built / "scores.parquet").write_bytes(b"old")
    live = current_build(built)

    with build_lock(built, wait=False) as got:
        assert got
        clean(built)
    assert sorted(p.name for p in built.iterdir()) == sorted([BUILDS, CURRENT])
    assert sorted(p.name for p in (built / BUILDS).iterdir()) == [live]
    assert sorted(p.name for p in built.parent.iterdir()) == ["store"]
    assert load_store(built).manifest["build_id"] == live


def test_a_server_start_does_not_wait_for_a_running_build(built: Path) -> None:
    with build_lock(built), build_lock(built, wait=False) as got:
        assert not got


def test_old_layout_is_reported_outdated_and_garbled_pointer_corrupt(tmp_path: Path, built: Path) -> None:
    flat = tmp_path / "flat"
    shutil.copytree(build_folder(built, current_build(built) or ""), flat)
    with pytest.raises(StoreUnavailable) as info:
        load_store(flat)
    assert info.value.reason == "outdated"
    (built / CURRENT).write_text("../../etc\n", encoding="utf-8")
    with pytest.raises(StoreUnavailable) as info:
        load_store(built)
    assert info.value.reason == "corrupt"


def test_a_manifest_of_another_build_is_corrupt(built: Path, variants: tuple[Tables, Tables]) -> None:
    first = current_build(built) or ""
    write_store(variants[1], SOURCES_DIR, built)
    second = current_build(built) or ""
    shutil.copy(build_folder(built, first) / MANIFEST, build_folder(built, second) / MANIFEST)
    with pytest.raises(StoreUnavailable) as info:
        load_store(built)
    assert info.value.reason == "corrupt" and str(built) not in info.value.detail


def test_details_name_no_server_folder(built: Path) -> None:
    (build_folder(built, current_build(built) or "") / "scores.parquet").write_bytes(b"not parquet" * 10)
    with pytest.raises(StoreUnavailable) as info:
        load_store(built)
    assert "scores.parquet" in info.value.detail and "/" not in info.value.detail


def test_a_published_build_is_sealed_with_its_files_checksums(built: Path) -> None:
    folder = build_folder(built, current_build(built) or "")
    digests = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert sorted(digests) == sorted(f"{name}.parquet" for name in {**TABLES, **DERIVED_TABLES})
    assert all(digests[name] == file_digest(folder / name) for name in digests)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda f: f.write_bytes(f.read_bytes()[:-1] + b"\x00"), "corrupt"),  # one byte changed, still a Parquet file
        (lambda f: f.write_bytes(f.read_bytes()[:100]), "corrupt"),
        (lambda f: f.unlink(), "missing"),
    ],
    ids=["changed", "truncated", "removed"],
)
def test_a_build_whose_files_differ_from_their_checksums_is_refused(
    built: Path, damage: Callable[[Path], object], reason: str
) -> None:
    damage(build_folder(built, current_build(built) or "") / "regions.parquet")
    with pytest.raises(StoreUnavailable) as info:
        load_store(built)
    assert (info.value.reason, "regions.parquet" in info.value.detail) == (reason, True)


def test_an_unreadable_current_is_a_store_fault_not_no_store(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as root here, so chmod cannot make CURRENT unreadable: Path.read_text of CURRENT raises instead."""
    read_text = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == CURRENT:
            raise PermissionError(13, "Permission denied")
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(StoreUnavailable) as info:
        load_store(built)
    assert (info.value.reason, info.value.detail) == ("unreadable", f"{CURRENT} cannot be read (Permission denied)")
    assert store_version(built) == ""


def test_complete_builds_are_listed_newest_first_without_staging(built: Path, variants: tuple[Tables, Tables]) -> None:
    first = current_build(built) or ""
    os.utime(build_folder(built, first), (1_000_000, 1_000_000))
    write_store(variants[1], SOURCES_DIR, built)
    (built / BUILDS / ".new-1-abc").mkdir()
    assert complete_builds(built) == [current_build(built), first]
