"""What the server does before it reports ready, so that its first visitor waits for nothing: every UI module
imported (a page's script imports its modules on its first run otherwise, seconds on this machine), the modules and
caches Streamlit fills on a process's first run, and the store's per-build values the pages read (loaded and selected,
never recomputed: the build made them)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import ui
from geo import loader
from papi_data.store.keeper import keeper
from ui.core import data
from ui.core.i18n import DEFAULT_LANG
from ui.home.data import fill_first_view

_FIRST_RUN = (
    "plotly.graph_objs",  # st.plotly_chart imports these on its first call
    "plotly.io",
    "plotly.tools",
    # Streamlit's own, imported on a process's first run (pinned by tests/app/test_first_visit.py):
    "streamlit.emojis",  # by st.set_page_config(page_icon=…): 0,5–1,6 s compiling its emoji pattern
    "streamlit.material_icon_names",  # by st.Page(icon=…): 0,1 s
    "streamlit.dataframe.lazy_df_adapters",  # by st.dataframe
)


def import_pages() -> None:
    for name in [module.name for module in pkgutil.walk_packages(ui.__path__, "ui.")] + list(_FIRST_RUN):
        importlib.import_module(name)
    # Streamlit's first element of a process asks whether it runs in a REPL (inspect.stack()), which maps every
    # loaded module to its file once (0,3–0,7 s): done here, after the imports, that map is made.
    inspect.stack()


def fill_caches() -> None:
    """The map's island labels (every map draws them), and in the default language the per-build values that depend
    on the build only and home's first view: 1–1,5 s of a start. English is made on its first visit (≤ 0,5 s more),
    as the 2025 outlines are on the first map that shows them (1,5 s)."""
    loader.archipelago_labels()
    if keeper().get()[0] is None:  # no build to serve: the first visitor gets the notice, nothing to fill
        return
    data.fill(DEFAULT_LANG)
    fill_first_view(DEFAULT_LANG)
