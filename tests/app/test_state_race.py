"""A widget's callback after an interrupted run (issue 19): a quick key press reruns the page before it registered its
parameters; the callback that follows must still find them, and a failing callback shows the app's own message."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page() -> None:
    import streamlit as st

    from ui.core import state
    from ui.core.views import PRESENT_SPEC

    state.enter_page("race")
    state.view(PRESENT_SPEC)
    state.widget(st.toggle, "present", "Present")
    if st.session_state.get("interrupt"):
        state.enter_page("race")  # the next run started and was interrupted before the page registered anything
    st.write(f"present={state.value('present') if not st.session_state.get('interrupt') else '-'}")


def test_a_callback_after_an_interrupted_run_finds_the_pages_parameters() -> None:
    at = AppTest.from_function(_page, default_timeout=30).run()
    at.session_state["interrupt"] = True
    at.run()
    at.session_state["interrupt"] = False
    at.toggle(key="w_present").set_value(True).run()
    assert not at.exception
    assert at.markdown[-1].value == "present=True"


def _failing_page() -> None:
    import streamlit as st

    from ui.core import state
    from ui.core.i18n import t
    from ui.core.views import PRESENT_SPEC

    def boom() -> None:
        raise KeyError("scores")

    state.enter_page("race")
    state.view(PRESENT_SPEC)
    if state.callback_failed():
        st.error(t("app_error", "vi"))
    st.button("go", key="go", on_click=state.guarded(boom))


def test_a_failing_callback_shows_the_apps_message_not_streamlits() -> None:
    at = AppTest.from_function(_failing_page, default_timeout=30).run()
    at.button(key="go").click().run()
    assert not at.exception
    assert len(at.error) == 1


def _url_page() -> None:
    import streamlit as st

    from ui.core import state
    from ui.core.views import PRESENT_SPEC

    state.enter_page("race")
    state.view(PRESENT_SPEC)
    state.widget(st.toggle, "present", "Present")
    state.flush_url()


def test_a_run_writes_the_url_when_the_browser_asked_before_the_last_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys pressed without pause: the browser asks for run 2 before run 1's write to the URL reaches it, so run 2
    comes with the URL from before run 1. Run 2 must write its view even where that is the URL it came with, or the
    browser ends on run 1's. (Writes are recorded, not made: the URL each run comes with stays the opening one.)"""
    from streamlit.runtime.state.query_params_proxy import QueryParamsProxy

    writes: list[dict[str, str]] = []
    monkeypatch.setattr(QueryParamsProxy, "from_dict", lambda _self, query: writes.append(dict(query)))
    at = AppTest.from_function(_url_page, default_timeout=30).run()
    at.toggle(key="w_present").set_value(True).run()
    assert [w.get("present") for w in writes] == ["1"]
    at.toggle(key="w_present").set_value(False).run()  # back to the view of the URL it came with
    assert [w.get("present") for w in writes] == ["1", None]
