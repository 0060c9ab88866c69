"""Where the sources and the built store live, and the names of the store's files (see files.py for the layout).

The store location can be moved with PAPI_STORE_DIR (tests do).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # papi_data/
SOURCES_DIR = PACKAGE_DIR / "sources"

MANIFEST = "manifest.json"  # in each build's folder: schema version, build id, row counts, source digests
CURRENT = "CURRENT"  # in the store folder: the id of the live build; exists only once a build is complete
BUILDS = "builds"  # in the store folder: one folder per build, named by its id


def store_dir() -> Path:
    """The built store's folder: $PAPI_STORE_DIR if set, else papi_data/built."""
    override = os.environ.get("PAPI_STORE_DIR")
    return Path(override) if override else PACKAGE_DIR / "built"
