"""A widget's callback after an interrupted run (issue 19): a quick key press reruns the page before it registered its
parameters; the callback that follows must still find them, and a failing callback shows the app's own message."""

from __future__ import annotations

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
