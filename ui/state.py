"""The view's state in the session, mirrored to the URL so a link opens the same view.

On entering a page (a new session, or a switch from another page) the URL's parameters are read and checked; an
invalid one falls back to its default with a notice. After that the session state is the truth and every run writes it
back to the URL. Widgets are tied to the state through `widget`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.i18n import t
from ui.url_state import Param, dump_params, parse_params

_STATE = "s_"
_WIDGET = "w_"


def enter_page(page_id: str) -> bool:
    """Record the page this run shows; True when it differs from the last run's (read the URL then)."""
    entering = st.session_state.get("_page") != page_id
    st.session_state["_page"] = page_id
    st.session_state["_entering"] = entering
    st.session_state["_url_specs"] = {}
    if entering:
        st.session_state["_notices"] = {}
        st.session_state["_entry_params"] = st.query_params.to_dict()  # read before any write trims the URL
    return entering


def use_params(specs: Sequence[Param]) -> dict[str, Any]:
    """The current values of `specs`, read from the URL on entry, and written back to the URL."""
    ss = st.session_state
    if ss.get("_entering", True):
        values, invalid, corrected = parse_params(ss.get("_entry_params", {}), specs)
        for name, value in values.items():
            ss[_STATE + name] = value
        notices = ss.setdefault("_notices", {})  # name → None (invalid, default used) or the corrected value
        notices.update({spec.name: None for spec in invalid} | {spec.name: values[spec.name] for spec in corrected})
    for spec in specs:
        if ss.get(_STATE + spec.name) is None or spec.parse(spec.dump(ss[_STATE + spec.name])) is None:
            ss[_STATE + spec.name] = spec.default  # first visit, or a value no longer valid here (e.g. other data)
    ss.setdefault("_url_specs", {}).update({spec.name: spec for spec in specs})
    write_url()
    return {spec.name: ss[_STATE + spec.name] for spec in specs}


def write_url() -> None:
    registered: dict[str, Param] = st.session_state.get("_url_specs", {})
    values = {name: st.session_state.get(_STATE + name) for name in registered}
    wanted = dump_params(values, list(registered.values()))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def set_value(name: str, value: Any) -> None:
    """Change a state value from code (e.g. a click on a chart) and keep the URL in step."""
    st.session_state[_STATE + name] = value
    write_url()


def _commit(name: str) -> None:
    st.session_state[_STATE + name] = st.session_state[_WIDGET + name]
    write_url()  # here, not only in use_params: a fragment's rerun (the map's year) skips the page's use_params


def widget(factory: Callable[..., Any], name: str, *args: Any, **kwargs: Any) -> Any:
    """Draw a widget whose value is the state `name`: `widget(st.selectbox, "year", label, options)`."""
    st.session_state[_WIDGET + name] = st.session_state[_STATE + name]
    factory(*args, key=_WIDGET + name, on_change=_commit, args=(name,), **kwargs)
    return st.session_state[_STATE + name]


def show_notices(lang: str, specs: Sequence[Param]) -> None:
    """One warning per invalid or corrected URL parameter, naming only the parameter and the value used (never the
    link's own text)."""
    if not st.session_state.get("_entering"):
        return  # shown when the link is opened; gone once the reader changes the view
    by_name = {spec.name: spec for spec in specs}
    for name, corrected in st.session_state.get("_notices", {}).items():
        if name not in by_name:
            continue
        spec = by_name[name]
        if corrected is None:
            st.warning(t("notice_bad_param", lang, param=name, fallback=spec.dump(spec.default)), icon="⚠️")
        else:
            st.warning(t("notice_corrected", lang, param=name, value=spec.dump(corrected)), icon="⚠️")
