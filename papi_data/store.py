"""Read the built store. Any missing or unreadable file raises StoreUnavailable with a reason the app can show."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from papi_data.build import MANIFEST
from papi_data.paths import store_dir
from papi_data.schema import SCHEMA_VERSION, TABLES


class StoreUnavailable(Exception):
    """The store cannot be used. `reason` is "missing", "corrupt" or "outdated"."""

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

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.scores["year"].unique())


def store_version(path: Path | None = None) -> str:
    """A cheap fingerprint of the store on disk (the manifest's build id), for cache keys; "" if absent."""
    try:
        return json.loads(((path or store_dir()) / MANIFEST).read_text(encoding="utf-8")).get("build_id", "")
    except (OSError, ValueError):
        return ""


def load_store(path: Path | None = None) -> PapiStore:
    path = path or store_dir()
    if not (path / MANIFEST).exists():
        raise StoreUnavailable("missing", f"no store at {path}")
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StoreUnavailable("corrupt", f"{MANIFEST}: {err}") from err
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise StoreUnavailable("outdated", f"schema {manifest.get('schema_version')}, this app needs {SCHEMA_VERSION}")
    frames: dict[str, pd.DataFrame] = {}
    for name, schema in TABLES.items():
        file = path / f"{name}.parquet"
        try:
            table = pq.read_table(file)
        except FileNotFoundError as err:
            raise StoreUnavailable("missing", f"{file.name} is missing") from err
        except Exception as err:  # pyarrow raises several types for a damaged file; all mean the same to a user
            raise StoreUnavailable("corrupt", f"{file.name}: {err}") from err
        if not table.schema.equals(schema, check_metadata=False):
            raise StoreUnavailable("corrupt", f"{file.name} does not have the expected columns")
        frames[name] = table.to_pandas()
    return PapiStore(manifest=manifest, **frames)
