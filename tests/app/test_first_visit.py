"""A server start fills the per-build caches (server/warm.py) that home's first run reads: its first visitor waits for
no computation (bench/first_page.py measures the time)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

import pytest

from harness.apptest import open_app
from server import warm
from ui.core import data


def _home_makes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The per-build values home's run made (not found made), by maker."""
    made: list[str] = []

    def recording(name: str, make: Callable[..., Any]) -> Callable[..., Any]:
        return lambda *args: made.append(name) or make(*args)

    for name, make in list(data._MAKERS.items()):
        monkeypatch.setitem(data._MAKERS, name, recording(name, make))
    assert not open_app().exception
    return made


def _clear() -> None:
    data._made.clear()
    data._made_read.cache_clear()


def test_home_s_first_run_after_the_start_makes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear()
    assert "ui.home.data.year_at_a_glance" in _home_makes(monkeypatch)  # a cold process computes its view
    _clear()
    warm.fill_caches()
    assert _home_makes(monkeypatch) == []


def test_the_modules_a_first_run_imports_are_still_there() -> None:
    """server/warm.py imports Streamlit's modules by name: an upgrade that moves one fails here, not at a start."""
    assert all(importlib.util.find_spec(name) for name in warm._FIRST_RUN)
