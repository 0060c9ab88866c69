"""ui/core/data.py shares the store's frames between sessions (st.cache_resource): no page may change them."""

from __future__ import annotations

import pandas as pd

from harness.apptest import open_app
from ui.core import data

PAGES = [None, "pages/map.py", "pages/profile.py", "pages/plans.py", "pages/explorer.py", "pages/about.py"]
SHARED = [data._store]  # the source tables and the derived ones (ranks, national figures, verdicts) inside it


def frames(value: object) -> list[pd.DataFrame]:
    if isinstance(value, pd.DataFrame):
        return [value]
    if isinstance(value, tuple):
        return [frame for item in value for frame in frames(item)]
    tables = [*vars(value).values(), *value.derived.values()]  # the PapiStore's tables, derived ones included
    return [f for f in tables if isinstance(f, pd.DataFrame)]


def test_pages_leave_the_shared_frames_as_they_were() -> None:
    assert not open_app(PAGES[0]).exception
    version = data._version()
    before = [[frame.copy(deep=True) for frame in frames(cached(version))] for cached in SHARED]
    for page in PAGES:
        assert not open_app(page, lang="en").exception
    after = [frames(cached(version)) for cached in SHARED]
    for old_frames, new_frames in zip(before, after, strict=True):
        assert len(old_frames) == len(new_frames)
        for old, new in zip(old_frames, new_frames, strict=True):
            pd.testing.assert_frame_equal(old, new)
