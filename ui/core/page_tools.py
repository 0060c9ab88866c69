"""The page's tools that take the view elsewhere: copy its link, present mode's look, and the export buttons (slide
images under each chart, the deck in the toolbar, the province brief), each making its bytes only when clicked.

The bytes are made by the pure functions of ui/exports/ on the server's one shared browser. A download button runs
its maker in a worker thread when clicked, and the rerun that the click starts waits for the same job (ui.exports.jobs),
so a failure is told beside the button in the reader's language; the chart on screen is never touched.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import time
from collections.abc import Callable, Sequence
from functools import partial
from uuid import uuid4

import streamlit as st

from papi_data.citation import ViewCitation
from papi_data.text import fold
from ui.charts.common import Chart
from ui.charts.frame import Frame
from ui.core import data
from ui.core.i18n import t
from ui.core.plan_status import date_text
from ui.core.views import LANG_LABELS
from ui.exports import renderer
from ui.exports.brief import brief_facts, brief_pdf
from ui.exports.deck import MIME as DECK_MIME
from ui.exports.deck import ChartSlide, TitleSlide, deck
from ui.exports.jobs import Jobs
from ui.exports.renderer import ImageFormat
from ui.exports.slides import HEIGHT, MIME, WIDTH, slide_figure, slide_image

_jobs = Jobs()
_log = logging.getLogger("papi.exports")
START_WITHIN_S = 10  # from the click to the download's request reaching the server
TELL_AFTER_S = 1.0  # an export still running after this is told in words (the page greys out), updated this often
FINISH_WITHIN_S = renderer.START_TIMEOUT_S + renderer.RENDER_TIMEOUT_S
_FAILED = "_export_failed"  # the export buttons whose last click failed: key → None

COPY_LINK = """<div id="papi-copy" data-done="{done}" data-fallback="{fallback}">
<button type="button" title="{help}"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4
l3-3a1 1 0 1 1 1.4 1.4l-3 3a1 1 0 0 1-1.4 0zM8.5 18.5a3.5 3.5 0 0 1-2.5-6l2-2 1.4 1.4-2 2a1.5 1.5 0 0 0 2.1 2.1l2-2
1.4 1.4-2 2a3.5 3.5 0 0 1-2.4 1.1zm7-4.6-1.4-1.4 2-2A1.5 1.5 0 0 0 14 8.4l-2 2-1.4-1.4 2-2a3.5 3.5 0 0 1 5 5z"/></svg>
{label}</button>
<input type="text" readonly hidden aria-label="{label}"><span class="note" role="status"></span>
</div>
<style>
body {{ margin: 0; font-family: "Source Sans", "Source Sans Pro", Arial, sans-serif; font-size: 14px; }}
#papi-copy {{ display: flex; align-items: center; gap: 6px; height: 38px; }}
svg {{ width: 16px; height: 16px; fill: currentColor; vertical-align: -3px; margin-right: 6px; }}
button {{ font: inherit; padding: 6px 12px; border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 8px;
  background: #fff; color: #31333f; cursor: pointer; white-space: nowrap; }}
button:hover {{ border-color: #ff4b4b; color: #ff4b4b; }}
input {{ font: inherit; flex: 1; min-width: 0; padding: 5px; }}
.note {{ color: #555; white-space: nowrap; }}
</style>
<script src="{script}"></script>"""


def copy_link_button(lang: str, base_url: str) -> None:
    """A button that copies the page's address as it stands when clicked (so a year stepped by the map's play button
    is in it). Where the browser refuses the clipboard (a plain-http intranet address is not a secure context), the
    link is shown selected, to copy by hand. The script is the app's own file: no request leaves the server."""
    page = COPY_LINK.format(
        label=html.escape(t("copy_link", lang)),
        help=html.escape(t("copy_link_help", lang)),
        done=html.escape(t("copy_link_done", lang)),
        fallback=html.escape(t("copy_link_fallback", lang)),
        script=f"{base_url.rstrip('/')}/app/static/copy_link.js",
    )
    st.iframe(page, height=40, width=380 if lang == "vi" else 330)


# The toolbar goes up into Streamlit's empty header (which then lets clicks through to it); the map takes the rest.
PRESENT_STYLE = """<style>
.stApp .stMainBlockContainer.stMainBlockContainer { padding-top: 0.75rem; padding-bottom: 1rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
.stApp [data-testid="stHeader"] { background: transparent; pointer-events: none; }
.stApp [data-testid="stHeader"] * { pointer-events: auto; }
.stApp .st-key-toolbar { position: relative; z-index: 1000000; }  /* above Streamlit's header (z-index 999990) */
.stApp .st-key-map_frame.st-key-map_frame { height: calc(100vh - 4.5rem); }
/* The map with its words beside it takes the frame's height (ui/core/shell.chart draws it in a container of its own);
   on a phone its copy with the words above and below it is as tall as its figure (app.css shows one of the two). */
.stApp .st-key-map_frame.st-key-map_frame > :has(> [class*="st-key-present_beside_"]) { flex: 1 1 0; min-height: 0; }
.stApp .st-key-map_frame [class*="st-key-present_beside_"] > [data-testid="stElementContainer"] {
  height: auto; flex: 1 1 0; min-height: 0; }
@media (max-width: 640px) { .stApp .st-key-map_frame.st-key-map_frame { height: auto; } }
</style>"""


def present_style() -> None:
    """Present mode's page: less space above the charts, so a chart with its frame fits a 1280×720 screen."""
    st.html(PRESENT_STYLE)


def _download(
    label: str,
    make: Callable[[], bytes],
    *,
    key: str,
    file_name: str,
    mime: str,
    icon: str,
    lang: str,
    type: str = "tertiary",
    help: str | None = None,
) -> None:
    token = f"{key}:{uuid4().hex}"
    st.download_button(
        label,
        help=help,
        data=partial(_made, token, make),
        file_name=file_name,
        mime=mime,
        key=key,
        icon=icon,
        type=type,  # type: ignore[arg-type]
        on_click=_told,
        args=(token, key, lang),
    )


def _made(token: str, make: Callable[[], bytes]) -> bytes:
    try:
        return _jobs.run(token, make)
    except Exception:
        _log.exception("an export failed (%s)", token)
        raise


def _told(token: str, key: str, lang: str) -> None:
    """The click's rerun: wait for the export, in words if it takes long, and remember a failure, which
    `failure_note` then tells."""
    failed = st.session_state.setdefault(_FAILED, {})
    failed.pop(key, None)
    error = _jobs.outcome(token, START_WITHIN_S, TELL_AFTER_S)
    if error is None and _jobs.started(token) and not _jobs.done(token):
        error = waited_in_words(token, lang)
    if error is not None:
        failed[key] = None


def waited_in_words(token: str, lang: str) -> BaseException | None:
    """Wait for a long export, saying in a toast what the server is doing (starting its rendering browser, the first
    time after a start; then making the file) and for how long; the export's error, if any."""
    started = time.monotonic() - TELL_AFTER_S

    def words() -> str:
        stage = "export_making" if renderer.shared().running else "export_starting"
        return t(stage, lang, seconds=round(time.monotonic() - started))

    note = st.toast(words(), icon=":material/hourglass_top:", duration="infinite")
    error = None
    while not _jobs.done(token) and time.monotonic() - started < FINISH_WITHIN_S:
        error = _jobs.outcome(token, TELL_AFTER_S, TELL_AFTER_S)
        note.toast(words(), icon=":material/hourglass_top:")
    done = _jobs.done(token) and error is None
    note.toast(t("export_ready" if done else "export_failed", lang), icon=None, duration="short")
    return error


def failure_note(keys: Sequence[str], lang: str) -> None:
    if any(key in st.session_state.get(_FAILED, {}) for key in keys):
        st.error(t("export_failed", lang), icon=":material/error:")


def image_buttons(recipe: Chart, key: str, filename: str, lang: str) -> None:
    """The chart's slide image (1920×1080) as PNG and SVG, made on the server when clicked."""
    formats: tuple[ImageFormat, ...] = ("png", "svg")
    keys = [f"export_{key}_{fmt}" for fmt in formats]
    with st.container(horizontal=True, key=f"exports_{key}", gap="small"):
        for fmt, button in zip(formats, keys, strict=True):
            _download(
                t(f"export_{fmt}", lang),
                partial(slide_image, recipe, fmt, renderer.shared()),
                key=button,
                file_name=f"{filename}.{fmt}",
                mime=MIME[fmt],
                icon=":material/image:" if fmt == "png" else ":material/polyline:",
                lang=lang,
            )
    failure_note(keys, lang)


def deck_button(charts: Sequence[Chart], page_title: str, view: str, link: str, stem: str, lang: str) -> None:
    """The page's charts as a PowerPoint deck, one slide each after a title slide."""
    today = dt.date.today()
    title = TitleSlide(
        app=t("app_title", lang),
        page=page_title,
        view=view,
        made=t("deck_made", lang, date=date_text(today, lang), language=LANG_LABELS[lang]),
        link=link,
        source=charts[0].frame.source,
    )

    def make() -> bytes:
        images = renderer.shared().images([slide_figure(c) for c in charts], "png", WIDTH, HEIGHT)
        slides = [
            ChartSlide(image, c.frame.title, c.frame.subtitle, c.frame.source, c.frame.link, c.sentence)
            for image, c in zip(images, charts, strict=True)
        ]
        return deck(title, slides)

    _download(
        t("deck_download", lang),
        make,
        key="export_deck",
        file_name=f"papi-{_slug(stem) or 'tong-quan'}-{today.isoformat()}.pptx",
        mime=DECK_MIME,
        icon=":material/slideshow:",
        type="secondary",
        lang=lang,
        help=t("deck_download", lang),  # its name, where a narrow screen shows only its icon (app.css)
    )
    failure_note(["export_deck"], lang)


def _slug(text: str) -> str:
    """ "Hà Nội" → "ha-noi": a file name any system takes."""
    return re.sub(r"[^a-z0-9-]+", "-", fold(text)).strip("-")


def brief_button(code: str, name: str, year: int, frame: Frame, lang: str) -> None:
    """The province's one-page brief for the year, as an A4 PDF in the reader's language. `frame` carries the
    page's source line and link."""
    store = data.store(lang)
    table, national, bands = data.scores_table(lang), data.store(lang).table("national"), data.group_bands(lang)
    evaluation, _ = data.plan_evaluation(lang)

    def make() -> bytes:
        facts = brief_facts(
            store,
            table,
            national,
            bands,
            evaluation,
            data.plan_ref_of(lang),
            code=code,
            name=name,
            year=year,
            lang=lang,
            frame=frame,
            made=dt.date.today(),
        )
        return brief_pdf(facts, renderer.shared())

    _download(
        t("brief_download", lang),
        make,
        key="export_brief",
        file_name=f"papi-{code}-{year}-{_slug(name)}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        type="secondary",
        lang=lang,
    )
    failure_note(["export_brief"], lang)


def cite_button(cited: ViewCitation, lang: str) -> None:
    """ "Trích dẫn / Cite": the view's citation as plain text, APA and BibTeX, each with a copy button."""
    # an icon with its name as the tooltip: the toolbar must stay one line at 1280 px beside the sidebar
    with st.popover(":material/format_quote:", help=t("cite", lang)):
        st.markdown(t("cite_intro", lang))  # not a caption: the pages' captions are their own
        for label, text, language in (
            (t("cite_plain", lang), cited.plain, None),
            ("APA", cited.apa, None),
            ("BibTeX", cited.bibtex, "latex"),
        ):
            st.markdown(f"**{label}**")
            st.code(text, language=language, wrap_lines=True)


def embed_button(iframe: str, image_url: str | None, lang: str) -> None:
    """ "Nhúng / Embed": the <iframe> code of the view and, where the page's chart has one, its image's address."""
    with st.popover(":material/code:", help=t("embed", lang)):
        st.markdown(t("embed_intro", lang))
        st.code(iframe, language="html", wrap_lines=True)
        if image_url:
            st.markdown(t("embed_image", lang))
            st.code(image_url, language=None, wrap_lines=True)


EMBED_STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; }
</style>"""


def embed_style() -> None:
    """Embed mode's page: no sidebar (its controls are in the toolbar's popover), little space above the chart."""
    st.html(EMBED_STYLE)
