"""The browser modules each run whole on one worker (tests/conftest.py): a module that is split starts its server and
browser on both workers, which the suite's time cannot afford. pytest 9.2 broke xdist's grouping without a word
(pytest-dev/pytest-xdist#1386); this fails if that happens again."""

from __future__ import annotations

import os

import pytest


def test_a_browser_module_keeps_to_one_worker(request: pytest.FixtureRequest) -> None:
    if not os.environ.get("PYTEST_XDIST_WORKER") or not request.config.getvalue("loadgroup"):
        pytest.skip("not under pytest-xdist with --dist loadgroup")
    assert request.node.nodeid.endswith("@e2e/test_grouping"), request.node.nodeid
