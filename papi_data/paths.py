"""Where the sources and the built store live. The store location can be moved with PAPI_STORE_DIR (tests do)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = PACKAGE_DIR / "sources"


def store_dir() -> Path:
    """The built store's folder: $PAPI_STORE_DIR if set, else papi_data/store next to this file."""
    override = os.environ.get("PAPI_STORE_DIR")
    return Path(override) if override else PACKAGE_DIR / "store"
