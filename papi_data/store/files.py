"""The store's files on disk: one folder per build, and one pointer that names the live build.

    store/CURRENT          the live build's id, one line; replaced whole with os.replace, so it is old or new
    store/builds/<id>/     manifest.json and one Parquet file per table; never changed once it has its name

A reader reads CURRENT once and opens every file from that one folder: it sees one build whole, never a mix of two, and
never "no store" while a build runs. A build writes its files into builds/.new-<pid>-*, renames the folder to its id
and then switches CURRENT. It keeps the live build and the one before it (a reader may still be inside it) and removes
the rest, including what a killed build left. Builds on one store take turns (an exclusive lock on the store folder);
readers take no lock, so the store can be shared read-only between app servers. The manifest holds the SHA-256 of every
file of its build (sealed at publish), so a server can tell a damaged build from a good one when it loads it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from papi_data.store.paths import BUILDS, CURRENT, MANIFEST

BUILD_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_STAGING = ".new-"  # builds/.new-<pid>-<random>: a build being written


def current_build(root: Path) -> str | None:
    """The id in CURRENT, or None when there is no CURRENT (no complete build yet). Not validated: see BUILD_ID.
    Any other OSError (an unreadable CURRENT) is raised: it is a store fault, not "no store"."""
    try:
        return (root / CURRENT).read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None


def complete_builds(root: Path) -> list[str]:
    """The ids of the complete build folders (not a build being written), newest first by folder time."""
    builds = root / BUILDS
    dated: list[tuple[float, str]] = []
    for folder in builds.iterdir() if builds.is_dir() else []:
        with contextlib.suppress(OSError):  # removed by a build meanwhile, or unreadable: not a candidate
            if BUILD_ID.match(folder.name) and folder.is_dir():
                dated.append((folder.stat().st_mtime, folder.name))
    return [name for _, name in sorted(dated, reverse=True)]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_folder(root: Path, build_id: str) -> Path:
    return root / BUILDS / build_id


@contextlib.contextmanager
def build_lock(root: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the store's build lock; yields False instead of waiting when `wait` is False and a build holds it."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # releases the lock


def new_staging(root: Path) -> Path:
    """An empty folder to write a build into (call under build_lock)."""
    (root / BUILDS).mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{os.getpid()}-", dir=root / BUILDS))
    staging.chmod(0o755)  # mkdtemp makes it private; the store is read by whoever runs the app
    return staging


def publish(root: Path, staging: Path, build_id: str) -> None:
    """Make the staged build the live one (call under build_lock), then remove what is no longer needed."""
    _seal(staging)
    for file in staging.iterdir():
        _fsync(file)
    _fsync(staging)
    os.rename(staging, build_folder(root, build_id))
    _fsync(root / BUILDS)
    previous = current_build(root)
    draft = root / f".{CURRENT}.{os.getpid()}"
    with draft.open("w", encoding="utf-8") as handle:
        handle.write(build_id + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    draft.chmod(0o644)
    os.replace(draft, root / CURRENT)  # the switch: readers see the old id or the new one
    _fsync(root)
    clean(root, keep={build_id, previous or ""})


def _seal(staging: Path) -> None:
    """Add the SHA-256 of every file of the staged build to its manifest (`files`), which servers check at load."""
    manifest_file = staging / MANIFEST
    if not manifest_file.is_file():
        return
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    manifest["files"] = {f.name: file_digest(f) for f in sorted(staging.iterdir()) if f.name != MANIFEST}
    manifest_file.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")


def clean(root: Path, keep: set[str] | None = None) -> None:
    """Remove what builds that are no longer running left (call under build_lock: no other build is running then).

    With `keep`, also every complete build folder not named in it (after a publish). Without, complete builds stay:
    this is the cleaning at an app server's start, which does not know which build a reader may still be in.
    Also removes what the store layout before build folders left: its files in the store folder once a build is
    published, and the `.store.old-<pid>` / `.store.new-*` folders beside the store that a killed build left.
    """
    builds = root / BUILDS
    for entry in builds.iterdir() if builds.is_dir() else []:
        # Builds take turns, so a staging folder found under the lock is what a dead build left.
        if entry.name.startswith(_STAGING) or (keep is not None and entry.name not in keep):
            shutil.rmtree(entry, ignore_errors=True)
    for draft in root.glob(f".{CURRENT}.*"):  # .CURRENT.<pid>, likewise
        draft.unlink(missing_ok=True)
    for legacy in root.parent.glob(f".{root.name}.old-*"):  # .store.old-<pid>: the old store, moved aside
        if not _alive(legacy.name.rsplit("-", 1)[1]):
            shutil.rmtree(legacy, ignore_errors=True)
    for legacy in root.parent.glob(f".{root.name}.new-*"):  # a new store, half written (that layout had no pid)
        shutil.rmtree(legacy, ignore_errors=True)
    if (root / CURRENT).exists():
        for legacy_file in [root / MANIFEST, *root.glob("*.parquet")]:
            legacy_file.unlink(missing_ok=True)


def _alive(pid: str) -> bool:
    """Whether process `pid` (from a leftover's name) is running. The layout before build folders took no lock."""
    if not pid.isdigit() or int(pid) == 0:
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
