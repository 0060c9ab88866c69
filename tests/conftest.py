"""Fixtures shared by the browser tests (tests/e2e) and the export tests (tests/exports), the store built once per
worker that the unit and API tests copy, and how `make test` spreads the suite over two pytest-xdist workers
(`-n 2 --dist loadgroup`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from harness.server import CHROMIUM, CHROMIUM_FLAGS
from papi_data.build import build
from papi_data.store.paths import SOURCES_DIR

# Test folders whose modules each run whole on one worker: they start servers, HAProxy or a browser per module or
# session, which a module's tests then share instead of starting them again on the other worker.
WHOLE_MODULES = {"e2e", "exports", "cluster"}
# Modules elsewhere whose module fixture builds a store of their own (a synthetic 2025): whole on one worker, it is
# built once instead of on each worker (~20-40 s each on a busy machine).
OWN_STORE_MODULES = {"app/test_year_2025", "unit/test_eras"}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups into the tests' ids
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Group the tests of each module under WHOLE_MODULES and of each of OWN_STORE_MODULES (xdist's loadgroup keeps a
    group on one worker); every other test is handed out singly. Without xdist the marker does nothing."""
    for item in items:
        module = f"{Path(str(item.path)).parent.name}/{item.path.stem}"
        if module.split("/")[0] in WHOLE_MODULES or module in OWN_STORE_MODULES:
            item.add_marker(pytest.mark.xdist_group(module))


@pytest.fixture(scope="session")
def pristine_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the real sources into a temporary folder. Tests must not modify it: copy it first."""
    target = tmp_path_factory.mktemp("pristine") / "store"
    build(SOURCES_DIR, target=target)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium through Playwright, one for the whole session (Playwright's sync API allows only one
    running instance at a time); under xdist, one per worker."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def _no_disk_flush() -> Iterator[None]:
    """The builds made in the test process call os.fsync as the app's do, but do not wait for the disk: what fsync
    guards against (a power cut) no test here can cause, and on a machine shared with other builds each flush waited
    for everyone's writes (a store build's 30 flushes took seconds). tests/unit/test_store_files.py still kills a build
    at each of its fsync calls."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: None)
        yield
