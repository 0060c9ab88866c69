"""The last good store, always: what an app server serves, and what it tells its operator about the store.

A server reads CURRENT on every look (one small file) and loads and verifies a build only when CURRENT changes. When
the build CURRENT names cannot be used (CURRENT unreadable, its folder missing, a file damaged or unreadable), the
server goes on with the last build it verified, or, after a restart, the newest complete build still on disk (a
build keeps the one before it): the store is "older", and the visitor is told the date of the release shown. Only
when no build can be used is it "unavailable" (readiness answers 503 and the proxy sends visitors elsewhere).

Each change of state is logged once, with the reason and the remedy for the operator; a fault that persists is not
logged again, and no traceback is written.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from papi_data.store.files import complete_builds, current_build
from papi_data.store.load import PapiStore, StoreUnavailable, load_store
from papi_data.store.paths import CURRENT, store_dir

OK, OLDER, UNAVAILABLE = "ok", "older", "unavailable"
REMEDIES = {
    "missing": "build the store: make store (python -m papi_data.build)",
    "corrupt": "rebuild the store: make store (python -m papi_data.build); the file at fault is named above",
    "outdated": "the store was built by another version of the app: make store (python -m papi_data.build)",
    "unreadable": "let the server's user read the store (its folder, CURRENT and builds/), or rebuild it: make store",
}
_log = logging.getLogger("papi.store")


@dataclass(frozen=True)
class StoreState:
    """What the server serves and why. `fault` and `remedy` are for the operator (log, readiness), never a visitor."""

    status: str  # OK, OLDER or UNAVAILABLE
    build: str | None = None  # the build served
    built_at: str | None = None  # its manifest's date (ISO 8601)
    fault: str | None = None  # why the live build is not served: "corrupt: scores.parquet is damaged (…)"
    remedy: str | None = None

    @property
    def serving(self) -> bool:
        return self.status != UNAVAILABLE

    def as_dict(self) -> dict[str, str | None]:
        return {
            "status": self.status,
            "build": self.build,
            "built_at": self.built_at,
            "fault": self.fault,
            "remedy": self.remedy,
        }

    def log_line(self) -> str:
        served = f"build {self.build} of {self.built_at}" if self.build else "nothing"
        fault = f"; {self.fault}; remedy: {self.remedy}" if self.fault else ""
        return f"store {self.status}: serving {served}{fault}"


class Keeper:
    """The served store of one store folder, for the whole process (thread-safe)."""

    def __init__(self, root: Path):
        self.root = root
        self._lock = threading.Lock()
        self._pointer: str | None = None  # what CURRENT held at the last look ("" absent, None never looked)
        self._store: PapiStore | None = None
        self._state = StoreState(UNAVAILABLE, fault="not loaded yet")

    def get(self) -> tuple[PapiStore | None, StoreState]:
        pointer = _read_pointer(self.root)
        with self._lock:
            if pointer != self._pointer:
                self._pointer = pointer
                self._reload(pointer)
            return self._store, self._state

    def _reload(self, pointer: str) -> None:
        try:
            store = load_store(self.root) if not pointer.startswith("!") else None
            if store is None:
                raise StoreUnavailable("unreadable", pointer[1:])
            self._serve(store, StoreState(OK, **_release(store)))
        except StoreUnavailable as fault:
            self._fall_back(fault)

    def _fall_back(self, fault: StoreUnavailable) -> None:
        reason = f"{fault.reason}: {fault.detail}"
        extra = {"fault": reason, "remedy": REMEDIES.get(fault.reason)}
        if self._store is not None:  # verified when it was loaded, and still in memory
            return self._serve(self._store, StoreState(OLDER, **_release(self._store), **extra))
        for build in complete_builds(self.root):
            try:
                store = load_store(self.root, build)
            except StoreUnavailable:
                continue
            return self._serve(store, StoreState(OLDER, **_release(store), **extra))
        self._serve(None, StoreState(UNAVAILABLE, **extra))

    def _serve(self, store: PapiStore | None, state: StoreState) -> None:
        if state != self._state:
            (_log.info if state.status == OK else _log.error)(state.log_line())
        self._store, self._state = store, state


def _read_pointer(root: Path) -> str:
    """CURRENT's content ("" when absent), or "!" and why it cannot be read: what a change of state is keyed on."""
    try:
        return current_build(root) or ""
    except OSError as err:
        return f"!{CURRENT} cannot be read ({err.strerror or type(err).__name__})"


def _release(store: PapiStore) -> dict[str, str | None]:
    return {"build": store.manifest.get("build_id"), "built_at": store.manifest.get("built_at")}


_keepers: dict[Path, Keeper] = {}
_keepers_lock = threading.Lock()


def keeper(root: Path | None = None) -> Keeper:
    """The process's keeper of the store in `root` (default: store_dir())."""
    folder = root or store_dir()
    with _keepers_lock:
        return _keepers.setdefault(folder, Keeper(folder))
