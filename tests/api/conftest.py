"""Fixtures of the API tests: a copy of the store built once into a temporary folder (PAPI_STORE_DIR points at it)
and a Starlette TestClient on the API's routes alone (no Streamlit, no server)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from server import api


@pytest.fixture(scope="package")
def api_store(tmp_path_factory: pytest.TempPathFactory, pristine_store: Path) -> Iterator[Path]:
    """A copy of the session's store (tests/conftest.py): the worker's unit tests built the same one."""
    target = Path(shutil.copytree(pristine_store, tmp_path_factory.mktemp("api") / "store"))
    before = os.environ.get("PAPI_STORE_DIR")
    os.environ["PAPI_STORE_DIR"] = str(target)
    yield target
    if before is None:
        os.environ.pop("PAPI_STORE_DIR", None)
    else:
        os.environ["PAPI_STORE_DIR"] = before


@pytest.fixture(scope="package")
def client(api_store: Path) -> Iterator[TestClient]:
    with TestClient(Starlette(routes=api.routes())) as test_client:
        yield test_client
