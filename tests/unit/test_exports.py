"""The exports' pure parts, without a browser: charts rebuilt per canvas, present mode's text floor, the deck's slides,
the brief's figures, an export job shared by the download and the click's rerun, and the present flag in links."""

from __future__ import annotations

import datetime as dt
import html
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from pptx import Presentation

from papi_data.overview import province_year
from papi_data.plans.evaluate import evaluate
from papi_data.ranking import group_bands
from papi_data.stats import national
from papi_data.store.load import PapiStore
from tests.exports.gallery import YEAR, scores_table
from ui.charts.common import Chart
from ui.charts.frame import FOOTER_PX, PRESENT, SLIDE, Frame, base_layout, source_line
from ui.charts.profile_charts import rank_history_figure
from ui.core.i18n import t
from ui.core.numbers import fmt_number
from ui.core.plan_status import PlanRef
from ui.core.url_state import parse_params
from ui.core.views import PRESENT_SPEC
from ui.exports.brief import BriefFacts, brief_facts, brief_html
from ui.exports.deck import ChartSlide, TitleSlide, deck, plain
from ui.exports.jobs import Jobs

ONE_PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_a_chart_is_rebuilt_by_its_builder_for_each_canvas(ranked) -> None:
    history = ranked[(ranked["dimension"] == "total") & (ranked["province_code"] == "01")][["year", "rank"]]
    history = history.assign(n=61)
    chart = Chart(
        partial(rank_history_figure, history, group_bands(ranked), lang="vi", province_name="Hà Nội"),
        Frame("T", "S", source_line("PAPI 2024", "vi"), "http://x/?a=1"),
    )
    screen, slide = chart.figure(), chart.figure(SLIDE)
    assert screen["layout"]["height"] == 500 and "width" not in screen["layout"]
    assert (slide["layout"]["width"], slide["layout"]["height"]) == (1920, 1080)
    assert slide["layout"]["font"]["size"] == round(screen["layout"]["font"]["size"] * SLIDE.scale)
    labels = next(tr for tr in slide["data"] if tr.get("name") == "Hà Nội")["textfont"]["size"]
    assert labels > next(tr for tr in screen["data"] if tr.get("name") == "Hà Nội")["textfont"]["size"]


def test_present_mode_keeps_every_text_at_18_px_or_more() -> None:
    frame = PRESENT.frame(Frame("T", "S", "src", "http://x/?a=1"))
    layout = base_layout(frame, "vi", height=PRESENT.height or 0)
    sizes = [layout["font"]["size"], layout["title"]["font"]["size"], layout["title"]["subtitle"]["font"]["size"]]
    sizes += [a["font"]["size"] for a in layout["annotations"]]
    assert min(sizes) >= 18
    assert frame.px(10) == 18 and frame.px(20) == 26


def test_a_link_wraps_shorter_when_its_text_is_larger() -> None:
    link = "http://intranet/papi/kham-pha?" + "&".join(f"param{i}=value{i}" for i in range(12))

    def widest(frame: Frame) -> int:
        footer = [a for a in base_layout(frame, "vi", height=600)["annotations"] if a.get("name") == "frame"]
        return max(len(line) for line in footer[-1]["text"].split("<br>"))

    small, large = Frame("T", link=link), PRESENT.frame(Frame("T", link=link))
    assert widest(large) * large.px(FOOTER_PX) <= widest(small) * small.px(FOOTER_PX) * 1.1


def test_the_deck_has_a_title_slide_then_one_picture_slide_per_chart() -> None:
    title = TitleSlide(
        "Bảng điều khiển PAPI", "Bản đồ", "Năm 2024", "Tạo ngày 1/12/2026 · Tiếng Việt", "http://x/", "S"
    )
    slides = [
        ChartSlide(ONE_PIXEL_PNG, f"<b>Biểu đồ {i}</b>", "Phụ đề", "Nguồn: PAPI", "http://x/?i=1") for i in (1, 2)
    ]
    prs = Presentation(io.BytesIO(deck(title, slides)))
    first, *charts = prs.slides
    words = "\n".join(shape.text_frame.text for shape in first.shapes if shape.has_text_frame)
    assert first.shapes.title.text == "Bản đồ" and "Bảng điều khiển PAPI" in words and "Tiếng Việt" in words
    assert [s.notes_slide.notes_text_frame.text.splitlines()[0] for s in charts] == ["Biểu đồ 1", "Biểu đồ 2"]


def test_a_chart_s_sentence_goes_into_its_slide_s_notes_and_alternative_text() -> None:
    title = TitleSlide("Bảng điều khiển PAPI", "Hồ sơ tỉnh", "Năm 2024", "Tạo ngày 1/12/2026", "http://x/", "S")
    sentence = "Hà Nội 2024: 43,77 điểm (−0,19 so với 2023), hạng 29/61."
    slide = ChartSlide(ONE_PIXEL_PNG, "<b>Hà Nội</b>", "Phụ đề", "Nguồn: PAPI", "http://x/", sentence)
    chart = list(Presentation(io.BytesIO(deck(title, [slide]))).slides)[1]
    assert sentence in chart.notes_slide.notes_text_frame.text.splitlines()
    assert sentence in chart.shapes[0]._element.nvPicPr.cNvPr.get("descr")


def test_chart_text_becomes_plain_slide_text() -> None:
    assert plain("<b>Hà Nội</b><br>KH 157/KH&amp;UBND") == "Hà Nội\nKH 157/KH&UBND"


@pytest.fixture(scope="module")
def brief_inputs(real_store: PapiStore, ref: PlanRef):
    table = scores_table(real_store)
    return real_store, table, evaluate(real_store.targets, table, YEAR, real_store.provinces), ref


def facts_of(brief_inputs, lang: str, code: str, year: int = YEAR) -> BriefFacts:
    store, table, evaluation, ref = brief_inputs
    name = store.provinces.set_index("code").at[code, f"name_{lang}"]
    return brief_facts(
        store,
        table,
        national(store.scores),
        group_bands(table),
        evaluation,
        ref,
        code=code,
        name=name,
        year=year,
        lang=lang,
        frame=Frame("", source=source_line("PAPI 2024 — CECODES", lang), link="http://x/?province=" + code),
        made=dt.date(2026, 12, 1),
    )


@pytest.mark.parametrize(("lang", "code"), [("vi", "01"), ("en", "27"), ("vi", "48")])
def test_the_brief_shows_the_figures_the_app_shows(brief_inputs, lang: str, code: str) -> None:
    _, table, _, _ = brief_inputs
    facts = facts_of(brief_inputs, lang, code)
    card = province_year(table, code, YEAR)
    assert facts.score == fmt_number(card.score, lang)
    assert facts.rank == t("rank_of", lang, rank=card.rank, n=card.n)
    assert facts.rank_range == ""  # PAPI published no interval for 2024: none shown, none invented
    assert len(facts.furthest) == 3 and len(facts.furthest_sub) == 3
    assert bool(facts.plans) == (code in {"01", "27"})  # Hà Nội and Bắc Ninh have plans, Đà Nẵng none
    page = brief_html(facts, b"<svg></svg>", b"<svg></svg>")
    assert facts.score in page and facts.rank in page and html.escape(facts.source) in page
    assert ("1/12/2026" if lang == "vi" else "1 December 2026") in page


def test_the_brief_gives_the_rank_range_where_papi_published_intervals(brief_inputs) -> None:
    facts = facts_of(brief_inputs, "vi", "01", 2023)
    assert (
        facts.rank == "Hạng 15/61" and facts.rank_range == "có thể từ hạng 8 đến 26 (khoảng tin cậy 90% PAPI công bố)"
    )


def test_an_export_job_is_made_once_for_the_download_and_the_rerun() -> None:
    jobs, made, gate = Jobs(), [], threading.Event()

    def make() -> bytes:
        gate.wait(5)
        made.append(1)
        return b"pptx"

    worker = threading.Thread(target=lambda: made.append(jobs.run("a", make)))
    worker.start()
    gate.set()
    assert jobs.outcome("a", start_within=5, finish_within=5) is None
    worker.join(5)
    assert jobs.run("a", make) == b"pptx" and made.count(1) == 1


def test_a_failed_export_is_told_to_the_rerun() -> None:
    jobs = Jobs()

    def broken() -> bytes:
        raise TimeoutError("no answer")

    with pytest.raises(TimeoutError):
        jobs.run("b", broken)
    assert isinstance(jobs.outcome("b", start_within=1, finish_within=1), TimeoutError)
    assert jobs.outcome("never-started", start_within=0.01, finish_within=0.01) is None


def test_present_mode_is_a_shared_flag_written_only_when_on() -> None:
    [param] = PRESENT_SPEC.params
    assert param.shared and param.dump(True) == "1" and param.dump(False) == ""
    assert parse_params({"present": "1"}, PRESENT_SPEC.params)[0] == {"present": True}
    values, notices = parse_params({"present": "yes"}, PRESENT_SPEC.params)
    assert values == {"present": False} and notices[0].reason == "invalid"


def test_a_browser_that_cannot_start_is_a_render_error_not_a_crash() -> None:
    from ui.exports.renderer import Renderer, RenderError

    renderer = Renderer(chromium="/nonexistent/chromium")
    with pytest.raises(RenderError, match="did not start"):
        renderer.image({"data": [], "layout": {}}, "png", 10, 10)
    assert not renderer.running
    renderer.close()


def test_the_title_slides_text_is_placed_for_a_16_9_slide() -> None:
    title = TitleSlide("Bảng điều khiển PAPI", "Bản đồ", "Năm 2024", "Tạo ngày 1/12/2026", "http://x/", "S")
    prs = Presentation(io.BytesIO(deck(title, [])))
    width = prs.slide_width
    for shape in prs.slides[0].shapes:
        assert shape.left >= 0 and shape.left + shape.width <= width, shape.name
        assert abs(shape.left + shape.width / 2 - width / 2) < width * 0.01, shape.name  # centred on the wide slide


def test_the_brief_carries_its_charts_sentences(brief_inputs) -> None:
    facts = facts_of(brief_inputs, "vi", "01", 2024)
    radar = (
        "Hà Nội 2024: cao nhất ở D6 Dịch vụ công (7,57), thấp nhất ở D7 Quản trị môi trường (2,87), trên thang 1–10."
    )
    assert facts.radar.sentence == radar
    assert facts.trend.sentence.startswith("Hà Nội: hạng 29/61 năm 2024;")
    page = brief_html(facts, b"<svg></svg>", b"<svg></svg>")
    assert html.escape(radar) in page and html.escape(facts.trend.sentence) in page
    english = facts_of(brief_inputs, "en", "01", 2024)
    assert english.radar.sentence.startswith("Ha Noi 2024: highest in D6 Public services (7.57)")


def test_a_renderer_that_cannot_warm_up_only_logs_it(caplog: pytest.LogCaptureFixture) -> None:
    from ui.exports.renderer import Renderer

    renderer = Renderer(chromium="/nonexistent/chromium")
    renderer.warm()  # in the server's background thread: nothing to raise to, the first export tries again
    assert not renderer.running
    assert "did not warm up" in caplog.text
    renderer.close()


@pytest.mark.parametrize(("setting", "warmed"), [(None, 1), ("1", 1), ("0", 0)])
def test_the_server_warms_the_export_browser_at_start_without_waiting(
    setting: str | None, warmed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from server import app

    calls: list[int] = []
    monkeypatch.setattr(app.renderer, "warm_in_background", lambda: calls.append(1))
    monkeypatch.setattr(app.logs, "bound_the_log", lambda budget: None)
    monkeypatch.setattr(app.memory, "collect_garbage_periodically", lambda: None)
    monkeypatch.setattr(app, "keeper", lambda: type("Keeper", (), {"get": staticmethod(lambda: None)}))
    imported: list[int] = []
    monkeypatch.setattr(app.warm, "import_pages", lambda: imported.append(1))
    monkeypatch.setattr(app.warm, "fill_caches", lambda: imported.append(2))
    if setting is None:
        monkeypatch.delenv("PAPI_WARM_EXPORTS", raising=False)
    else:
        monkeypatch.setenv("PAPI_WARM_EXPORTS", setting)

    async def start() -> None:
        async with app.lifespan(None):  # type: ignore[arg-type]
            assert imported == [1, 2]  # the pages' modules and caches before the server answers (server/warm.py)

    # In a thread of its own: a worker that ran the browser tests has Playwright's event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, start()).result()
    assert len(calls) == warmed


def test_a_long_export_is_told_in_words_until_it_is_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first export after a start: the words say the rendering browser is starting, then that the file is being
    made, then that it is ready."""
    from ui.core import page_tools

    class Browser:
        running = False

    class Note:
        def __init__(self) -> None:
            self.texts: list[str] = []

        def toast(self, text: str, **_: object) -> Note:
            self.texts.append(text)
            if len(self.texts) == 2:
                Browser.running = True  # the browser is up: now the file is being made
            if len(self.texts) == 3:
                gate.set()
            return self

    note, gate = Note(), threading.Event()
    monkeypatch.setattr(page_tools.renderer, "shared", lambda: Browser)
    monkeypatch.setattr(page_tools.st, "toast", note.toast)
    worker = threading.Thread(target=page_tools._jobs.run, args=("slow", lambda: b"png" if gate.wait(30) else b""))
    worker.start()
    assert page_tools.waited_in_words("slow", "vi") is None
    worker.join(5)
    assert note.texts[0].startswith("Đang khởi động trình dựng ảnh của máy chủ")
    assert note.texts[2].startswith("Đang tạo tệp…")
    assert note.texts[-1] == t("export_ready", "vi")
