"""Read the built store. Any missing, unreadable or damaged file raises StoreUnavailable with the operator's reason.

A build is verified as it is loaded: every file against the SHA-256 its manifest holds (papi_data.store.files). The
detail of a StoreUnavailable names files inside the store, never the server's folders; it is meant for the log and
the readiness answer (papi_data.store.keeper), not for a visitor.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from papi_data.store.files import BUILD_ID, build_folder, current_build, file_digest
from papi_data.store.paths import BUILDS, CURRENT, MANIFEST, store_dir
from papi_data.store.schema import DERIVED_TABLES, SCHEMA_VERSION, TABLES

_ATTEMPTS = 5  # reads in a row that may find their build removed by newer builds before giving up


class StoreUnavailable(Exception):
    """The store cannot be used. `reason` is "missing", "corrupt", "outdated" or "unreadable"."""

    def __init__(self, reason: str, detail: str):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class PapiStore:
    provinces: pd.DataFrame
    regions: pd.DataFrame
    dimensions: pd.DataFrame
    scores: pd.DataFrame
    plans: pd.DataFrame
    targets: pd.DataFrame
    subdimensions: pd.DataFrame
    subdimension_periods: pd.DataFrame
    subdimension_scores: pd.DataFrame
    uncertainty: pd.DataFrame
    published_means: pd.DataFrame
    published_group_sizes: pd.DataFrame
    press_figures: pd.DataFrame
    partners: pd.DataFrame
    report_partners: pd.DataFrame
    manifest: dict
    derived: Mapping[str, pd.DataFrame] = field(default_factory=dict)  # by name: schema.DERIVED_TABLES

    def table(self, name: str) -> pd.DataFrame:
        """A derived table (papi_data.derived), as the build wrote it."""
        return self.derived[name]

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.scores["year"].unique())


def store_version(path: Path | None = None) -> str:
    """The live build's id (one small file read), for cache keys; "" if there is none or CURRENT cannot be read."""
    try:
        return current_build(path or store_dir()) or ""
    except OSError:
        return ""


def load_store(path: Path | None = None, build: str | None = None) -> PapiStore:
    """The live build of the store in `path` (default: store_dir()), or the build named `build`.

    Every file comes from one build's folder. Should a newer build remove that folder while it is being read, the
    new live build is read instead, so a reader sees one build whole or a clear StoreUnavailable.
    """
    root = path or store_dir()
    if build is not None:
        return _load_build(root, build)
    for _ in range(_ATTEMPTS):
        live = _live_build(root)
        try:
            return _load_build(root, live)
        except StoreUnavailable:
            if store_version(root) == live:
                raise
    raise StoreUnavailable("missing", f"the store was rebuilt {_ATTEMPTS} times while it was being read")


def _live_build(root: Path) -> str:
    try:
        live = current_build(root)
    except OSError as err:
        raise StoreUnavailable(
            "unreadable", f"{CURRENT} cannot be read ({err.strerror or type(err).__name__})"
        ) from err
    if live is None:
        if (root / MANIFEST).exists():
            raise StoreUnavailable("outdated", f"a store in the layout before {BUILDS}/ folders")
        raise StoreUnavailable("missing", f"no {CURRENT} file: no complete build")
    if not BUILD_ID.match(live):
        raise StoreUnavailable("corrupt", f"{CURRENT} does not hold a build id")
    return live


def _load_build(root: Path, build: str) -> PapiStore:
    folder = build_folder(root, build)
    if not BUILD_ID.match(build) or not folder.is_dir():
        raise StoreUnavailable("missing", f"no folder for build {build!r}")
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise StoreUnavailable("missing", f"{MANIFEST} is missing") from err
    except PermissionError as err:
        raise StoreUnavailable("unreadable", f"{MANIFEST} cannot be read ({err.strerror})") from err
    except (OSError, ValueError) as err:
        raise StoreUnavailable("corrupt", f"{MANIFEST}: {_without_paths(err, folder)}") from err
    if not isinstance(manifest, dict) or manifest.get("build_id") != build:
        raise StoreUnavailable("corrupt", f"{MANIFEST} is not the manifest of build {build}")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise StoreUnavailable("outdated", f"schema {manifest.get('schema_version')}, this app needs {SCHEMA_VERSION}")
    _verify(folder, manifest.get("files"))
    frames: dict[str, pd.DataFrame] = {}
    for name, schema in (TABLES | DERIVED_TABLES).items():
        file = folder / f"{name}.parquet"
        try:
            table = pq.read_table(file)
        except FileNotFoundError as err:
            raise StoreUnavailable("missing", f"{file.name} is missing") from err
        except Exception as err:  # pyarrow raises several types for a damaged file; all mean the same to a user
            raise StoreUnavailable("corrupt", f"{file.name}: {_without_paths(err, folder)}") from err
        if not table.schema.equals(schema, check_metadata=False):
            raise StoreUnavailable("corrupt", f"{file.name} does not have the expected columns")
        frames[name] = table.to_pandas()
    derived = {name: with_plain_lists(frames.pop(name)) for name in DERIVED_TABLES}
    return PapiStore(manifest=manifest, derived=derived, **frames)


def with_plain_lists(frame: pd.DataFrame) -> pd.DataFrame:
    """A derived table's list cells as Python lists (Parquet gives numpy arrays), None where there is none: the domain
    made them as lists, and the pages test `isinstance(cell, list)`."""
    for column in frame.columns:
        if frame[column].dtype == object and any(hasattr(v, "tolist") for v in frame[column]):
            frame[column] = [v.tolist() if hasattr(v, "tolist") else None for v in frame[column]]
    return frame


def arrow_round_trip(frame: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    """`frame` as the store writes and reads it back (raises if it does not fit `schema`)."""
    return with_plain_lists(pa.Table.from_pandas(frame, schema=schema, preserve_index=False).to_pandas())


def _verify(folder: Path, digests: object) -> None:
    """Every file the manifest lists, against its SHA-256 (a build published before files were sealed has none)."""
    if digests is None:
        return
    if not isinstance(digests, dict):
        raise StoreUnavailable("corrupt", f"{MANIFEST} has no valid list of files")
    for name, digest in digests.items():
        file = folder / str(name)
        if file.parent != folder:
            raise StoreUnavailable("corrupt", f"{MANIFEST} names a file outside its build")
        try:
            actual = file_digest(file)
        except FileNotFoundError as err:
            raise StoreUnavailable("missing", f"{file.name} is missing") from err
        except OSError as err:
            raise StoreUnavailable("unreadable", f"{file.name} cannot be read ({err.strerror})") from err
        if actual != digest:
            raise StoreUnavailable("corrupt", f"{file.name} is damaged (its checksum differs from the manifest's)")


def _without_paths(err: Exception, folder: Path) -> str:
    """An error's text for the page's "technical detail": the server's folders left out, file names kept."""
    return str(err).replace(f"{folder}/", "").replace(str(folder), "")
