"""The view's state in the session, mirrored to the URL so a link opens the same view.

The URL is read when it says something new: at the start of a session, on Back/Forward, and when a page is entered
through a link that carries its own parameters. Otherwise the session is the truth and the URL is written from it
once at the end of each run (`flush_url`), so one action makes one history entry. Pages read their state only through
`view(spec)`, a typed view (ui/core/views.py); widgets are tied to it with `widget`.

Each page keeps its own values (opening Đà Nẵng's profile does not select Đà Nẵng on the map); shared parameters
(language, year) hold one value for the whole session.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from ui.core import browser
from ui.core.i18n import t
from ui.core.url_state import Corrected, Notice, Param, ViewSpec, dump_params, parse_params, renamed

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

V = TypeVar("V", bound="DataclassInstance")

_PAGE = "_page"  # the page this run shows
_WRITTEN = "_url_written"  # the queries this app wrote to the URL, the last one last
_REMEMBERED = 50  # how many of them are kept
_SPECS = "_url_specs"  # the parameters registered this run: name → Param, in the order pages declared them
_KNOWN = "_url_known"  # every parameter each page ever registered: page → name → Param (for callbacks, see `_param`)
_NOTICES = "_notices"  # notices about the link that opened the view: name → Notice
_HELD = "_url_held"  # this run leaves the URL as it is (see hold_url)
_WIDGET = "w_"
_FAILED = "_callback_failed"  # a widget's callback failed: the page says so in the reader's language (shell.run_page)
_log = logging.getLogger("papi.app")


def enter_page(page_id: str) -> None:
    """Record the page this run shows (app.py, before the page runs)."""
    ss = st.session_state
    ss[_PAGE] = page_id
    ss[_SPECS] = {}
    ss[_HELD] = False
    if _url_is_news():
        ss[_NOTICES] = {}


def _query() -> dict[str, str]:
    return st.query_params.to_dict()


def _url_is_news() -> bool:
    """Whether this run must read the URL: a new session, Back/Forward, or a link that carries parameters this app
    never wrote (a sidebar link carries none, and a click made before the browser got the last write carries an
    older query: neither is news)."""
    ss = st.session_state
    if _WRITTEN not in ss:
        return True
    ctx = get_script_run_ctx()
    if ctx is not None and ctx.is_history_navigation:
        return True
    query = _query()
    return bool(query) and query not in ss[_WRITTEN]


def _key(spec: Param) -> str:
    return f"s:{spec.name}" if spec.shared else f"s:{st.session_state.get(_PAGE)}:{spec.name}"


def view(spec: ViewSpec[V]) -> V:
    """The page's current view: read from the URL when it says something new, else from the session; written back
    to the URL at the end of the run."""
    ss = st.session_state
    params = spec.params
    if _url_is_news():
        raw = renamed(_query())
        values, notices = parse_params(raw, params)
        for param in params:
            if param.name in values:
                ss[_key(param)] = values[param.name]
            elif not param.shared:  # a link describes the whole page; what it leaves out is the default
                ss[_key(param)] = param.default
        _record(notices)
    current = {}
    for param in params:
        value = ss.get(_key(param))
        canonical = None if value is None else param.parse(param.dump(value))  # a widget's list becomes a tuple
        current[param.name] = param.default if canonical is None or isinstance(canonical, Corrected) else canonical
    checked, notices = spec.build(current)
    for param in params:
        ss[_key(param)] = getattr(checked, param.name)
    if _url_is_news():
        _record(notices)
    registered = {param.name: param for param in params}
    ss.setdefault(_SPECS, {}).update(registered)
    ss.setdefault(_KNOWN, {}).setdefault(ss.get(_PAGE), {}).update(registered)
    return checked


def _record(notices: Sequence[Notice]) -> None:
    st.session_state.setdefault(_NOTICES, {}).update({notice.param: notice for notice in notices})


def _param(name: str) -> Param:
    """A parameter of the page shown. A callback runs before the next run, and the run before it may have been
    interrupted (a quick key press reruns the page) before its page registered anything: the page's parameters are
    therefore looked up among all it ever registered, not only this run's."""
    ss = st.session_state
    registered: dict[str, Param] = ss.get(_SPECS, {})
    if name in registered:
        return registered[name]
    return ss.get(_KNOWN, {}).get(ss.get(_PAGE), {})[name]


def value(name: str) -> Any:
    """The current value of a parameter registered this run (for callbacks, which run before the page)."""
    return st.session_state.get(_key(_param(name)))


def set_value(name: str, new: Any) -> None:
    """Change a registered parameter from code (a click on a chart, a button)."""
    st.session_state[_key(_param(name))] = new


def hold_url(held: bool) -> None:
    """Leave the URL as it is at the end of this run (a run of the whole page, or of a fragment): while the map plays
    through the years, so that the play is one step of the history, from the view before it to where it stops."""
    st.session_state[_HELD] = held


def query() -> dict[str, str]:
    """The query the URL shows at the end of this run: every registered parameter's current value."""
    ss = st.session_state
    registered: dict[str, Param] = ss.get(_SPECS, {})
    return dump_params({name: ss.get(_key(p)) for name, p in registered.items()}, list(registered.values()))


def flush_url() -> None:
    """Write every registered parameter to the URL, once, if it changed (app.py at the end of a run; a fragment at
    the end of its own run).

    The first run of a session has the browser put the URL in place of the opening link (ui/browser.replace_url): a
    write from Python would make a history entry of its own there, so Back would first return to the link as typed.
    """
    ss = st.session_state
    if ss.get(_HELD):
        return
    wanted = query()
    first_run = _WRITTEN not in ss
    # The query the browser sent with this run may predate this app's last write, which reaches it afterwards (keys
    # pressed without pause: the run before this one wrote the URL after the browser asked for this run).
    if _query() != wanted or ss.get(_WRITTEN, [wanted])[-1] != wanted:
        if first_run:
            browser.replace_url(wanted)
        else:
            st.query_params.from_dict(wanted)
    seen = [_query(), wanted] if first_run else [wanted]  # the opening link is not news on the next run either
    written = [q for q in ss.get(_WRITTEN, []) if q not in seen]
    ss[_WRITTEN] = [*written[-(_REMEMBERED - len(seen)) :], *seen]


def fragment(
    run_every: float | None = None, key: str | None = None
) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """`st.fragment` that writes the URL at the end of its own runs, which do not reach the end of app.py (in a run of
    the whole page, app.py writes it, once). With `key`, a widget outside it can ask for its run (`widget(…,
    rerun=key)`)."""

    def wrap(body: Callable[[], None]) -> Callable[[], None]:
        @functools.wraps(body)
        def run() -> None:
            rerun = False
            try:
                body()
            except RerunException:
                rerun = True  # the run it asks for writes the URL, from the state as that run leaves it
                raise
            finally:
                if not rerun and in_fragment_run():
                    flush_url()

        return st.fragment(run, run_every=run_every, key=key)

    return wrap


def _same(a: Any, b: Any) -> bool:
    """Equal values, a widget's list and the state's tuple alike."""
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return list(a) == list(b)
    return bool(a == b)


def stop() -> NoReturn:
    """End the run here, as st.stop() does, with the URL written first (after st.stop() nothing reaches Streamlit)."""
    flush_url()
    st.stop()
    raise AssertionError("st.stop() returned")  # it raises; this line tells the type checker so


def guarded(callback: Callable[..., None]) -> Callable[..., None]:
    """A widget's callback that never shows Streamlit's own error page: it runs before the page, outside the page's
    own guard (shell.run_page), so a failure is logged here and the page tells the reader (`callback_failed`)."""

    @functools.wraps(callback)
    def run(*args: Any) -> None:
        try:
            callback(*args)
        except Exception:
            _log.exception("the callback %s%r failed", callback.__name__, args)
            st.session_state[_FAILED] = True

    return run


def callback_failed() -> bool:
    """Whether a widget's callback failed before this run (said once)."""
    return bool(st.session_state.pop(_FAILED, False))


@guarded
def _commit(name: str, resolve: Callable[[Any], Any] | None = None) -> None:
    chosen = st.session_state[_WIDGET + name]
    set_value(name, chosen if resolve is None else resolve(chosen))


def _commit_then_run(fragment: str, name: str) -> None:
    _commit(name)
    st.rerun(fragment)


def in_fragment_run() -> bool:
    """Whether this run is a fragment's alone (the rest of the page shows what the last whole run drew)."""
    ctx = get_script_run_ctx()
    return ctx is not None and bool(ctx.fragment_ids_this_run)


def widget(
    factory: Callable[..., Any],
    name: str,
    *args: Any,
    value_arg: str | None = None,
    resolve: Callable[[Any], Any] | None = None,
    rerun: str | None = None,
    **kwargs: Any,
) -> Any:
    """Draw a widget whose value is the parameter `name`: `widget(st.selectbox, "year", label, options)`.

    The widget's own state is set only when the parameter changed elsewhere (a link, Back, a button), so Streamlit
    never sees a value set twice. A widget that must be given its value as an argument (a range select_slider is
    a range only when its `value` is one) names that argument in `value_arg`; its state is then cleared instead.
    `resolve` turns what the reader chose into the parameter's value (a multiselect's typed text into codes). With
    `rerun` (a fragment's key; not with `resolve`), a change runs that fragment first, not the whole page.
    """
    ss = st.session_state
    key, current = _WIDGET + name, value(name)
    if value_arg is not None:
        if key in ss and not _same(ss[key], current):
            del ss[key]
        kwargs[value_arg] = current
    elif key not in ss or not _same(ss[key], current):
        ss[key] = current
    if rerun is not None:
        factory(*args, key=key, on_change=_commit_then_run, args=(rerun, name), **kwargs)
    else:
        factory(*args, key=key, on_change=_commit, args=(name,) if resolve is None else (name, resolve), **kwargs)
    return value(name)


@guarded
def _commit_member(name: str, item: str) -> None:
    others = tuple(i for i in value(name) if i != item)
    set_value(name, (*others, item) if st.session_state[f"{_WIDGET}{name}:{item}"] else others)


def member_widget(factory: Callable[..., Any], name: str, item: str, *args: Any, **kwargs: Any) -> Any:
    """Draw an on/off widget that says whether `item` is in the list parameter `name`: one expander per dimension,
    all held in one URL parameter (`member_widget(st.expander, "open", "d5_…", label)`). Returns what the factory
    returns (an expander's container)."""
    key, current = f"{_WIDGET}{name}:{item}", item in value(name)
    if st.session_state.get(key) != current:
        st.session_state[key] = current
    return factory(*args, key=key, on_change=_commit_member, args=(name, item), **kwargs)


def show_notices(lang: str) -> None:
    """One warning per parameter of the opening link that was not taken as it is, naming the parameter and the
    value used as a reader knows it (never the link's own text, never an internal code)."""
    if not _url_is_news():
        return  # shown when the link is opened; gone once the reader changes the view
    registered: dict[str, Param] = st.session_state.get(_SPECS, {})
    for name, notice in st.session_state.get(_NOTICES, {}).items():
        if name in registered:
            st.warning(notice_text(notice, registered[name], lang), icon="⚠️")


def notice_text(notice: Notice, param: Param, lang: str) -> str:
    shown = t("notice_none", lang) if notice.value in (None, "", ()) else param.label(notice.value)
    return t(f"notice_{notice.reason}", lang, param=param.name, value=shown)
