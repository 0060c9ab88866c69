"""What the server does before it reports ready, so that its first visitor waits for nothing: every UI module
imported (a page's script imports its modules on its first run otherwise, seconds on this machine), and the plotting
modules Streamlit imports on its first chart."""

from __future__ import annotations

import importlib
import pkgutil

import ui

_FIRST_CHART = ("plotly.graph_objs", "plotly.io", "plotly.tools")  # st.plotly_chart imports these on its first call


def import_pages() -> None:
    for name in [module.name for module in pkgutil.walk_packages(ui.__path__, "ui.")] + list(_FIRST_CHART):
        importlib.import_module(name)
