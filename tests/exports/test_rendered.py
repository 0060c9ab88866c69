"""The exports as made on the server by Debian's Chromium (one shared browser for the module): every chart type as a
slide image in both languages with no text off the canvas, a deck python-pptx and LibreOffice can open, and the
province brief read back from its PDF."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pptx import Presentation

from papi_data.citation import citation
from papi_data.overview import province_year
from papi_data.plans.evaluate import evaluate
from papi_data.ranking import group_bands
from papi_data.stats import national
from papi_data.store.load import PapiStore, load_store
from tests.e2e.geometry import Box, overlapping, pdf_text_problems
from tests.exports.gallery import YEAR, charts, plan_names, scores_table
from ui.charts.frame import SLIDE, Frame, source_line
from ui.core.i18n import t
from ui.core.numbers import fmt_number
from ui.exports.brief import brief_facts, brief_pdf
from ui.exports.deck import ChartSlide, TitleSlide, deck
from ui.exports.renderer import Renderer
from ui.exports.slides import HEIGHT, WIDTH, slide_image

# Every text element's box in the page's pixels, relative to the SVG's top-left corner.
TEXT_BOXES = """() => {
  const svg = document.querySelector('svg');
  const origin = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')]
    .filter(el => el.textContent.trim() && el.getBoundingClientRect().width > 0)
    .map(el => {
      const r = el.getBoundingClientRect();
      return {text: el.textContent, left: r.left - origin.left, top: r.top - origin.top,
              right: r.right - origin.left, bottom: r.bottom - origin.top};
    });
}"""


@pytest.fixture(scope="module")
def store() -> PapiStore:
    return load_store()


@pytest.fixture(scope="module")
def renderer() -> Iterator[Renderer]:
    shared = Renderer()
    yield shared
    shared.close()


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_type_as_a_slide_keeps_every_text_on_the_canvas(
    store: PapiStore, renderer: Renderer, page: Page, lang: str
) -> None:
    gallery = charts(store, lang)
    assert len(gallery) == 13
    for name, chart in gallery.items():
        svg = slide_image(chart, "svg", renderer).decode("utf-8")
        page.set_content(f'<body style="margin:0">{svg}</body>')
        boxes = page.evaluate(TEXT_BOXES)
        outside = [
            (b["text"][:40], round(b["left"]), round(b["top"]), round(b["right"]), round(b["bottom"]))
            for b in boxes
            if b["left"] < -0.5 or b["top"] < -0.5 or b["right"] > WIDTH + 0.5 or b["bottom"] > HEIGHT + 0.5
        ]
        assert outside == [], (name, lang, outside)
        footer = [b for b in boxes if b["text"].startswith(("Nguồn:", "Source:", "http", "&"))]
        crossing = [
            (f["text"][:30], b["text"][:30]) for f in footer for b in boxes if b not in footer and _overlap(f, b)
        ]
        assert crossing == [], (name, lang, "text over the source line or link", crossing)
        texts = [Box(b["text"], b["left"], b["top"], b["right"], b["bottom"]) for b in boxes]
        assert overlapping(texts) == [], (name, lang, "texts overlapping")
        words = " ".join(b["text"] for b in boxes)
        letters = "".join(words.split())  # a line wrapped into tspans reads back without the spaces it broke at
        assert "".join(chart.frame.source.split("<br>")[0].split()) in letters, (name, "source line")
        assert "papi.intranet.example.vn:8501/kham-pha?lang=" + lang in words, (name, "link")
        if chart.frame.title:
            assert chart.frame.title.split("<br>")[0][:30] in words, (name, "title")


def _overlap(a: dict, b: dict) -> bool:
    """Two boxes share more than a pixel each way (touching lines of text do not count)."""
    return min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1 and (
        min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
    )


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {
        key.strip(): value.strip() for key, value in (line.split(":", 1) for line in out.splitlines() if ":" in line)
    }


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_slide_png_is_landscape_full_hd(store: PapiStore, renderer: Renderer) -> None:
    png = slide_image(charts(store, "vi")["map"], "png", renderer)
    assert png_size(png) == (WIDTH, HEIGHT)
    assert renderer.starts == 1  # one browser for every image of this module, started once


@pytest.fixture(scope="module")
def small_deck(store: PapiStore, renderer: Renderer) -> bytes:
    gallery = charts(store, "vi")
    chosen = [gallery[name] for name in ("radar", "rank_history")]
    images = renderer.images([chart.figure(SLIDE) for chart in chosen], "png", WIDTH, HEIGHT)
    title = TitleSlide(
        app=t("app_title", "vi"),
        page="Hồ sơ tỉnh",
        view=t("deck_year", "vi", year=YEAR),
        made=t("deck_made", "vi", date="29/11/2026", language="Tiếng Việt"),
        link="http://localhost:8501/ho-so-tinh?lang=vi&year=2024&province=01",
        source=source_line(citation(store.report_partners, store.partners, YEAR, "vi"), "vi"),
    )
    slides = [
        ChartSlide(i, c.frame.title, c.frame.subtitle, c.frame.source, c.frame.link)
        for i, c in zip(images, chosen, strict=True)
    ]
    return deck(title, slides)


def test_the_deck_opens_with_a_title_slide_and_one_slide_per_chart(small_deck: bytes) -> None:
    prs = Presentation(io.BytesIO(small_deck))
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9
    title, *chart_slides = list(prs.slides)
    text = "\n".join(shape.text_frame.text for shape in title.shapes if shape.has_text_frame)
    for words in ("Bảng điều khiển PAPI", "Hồ sơ tỉnh", "Năm 2024", "29/11/2026", "Tiếng Việt", "papi.org.vn"):
        assert words in text
    assert len(chart_slides) == 2
    for slide in chart_slides:
        [picture] = [shape for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert (picture.width, picture.height) == (prs.slide_width, prs.slide_height)
        assert png_size(picture.image.blob) == (WIDTH, HEIGHT)
        notes = slide.notes_slide.notes_text_frame.text
        assert "Hà Nội" in notes and "Nguồn: PAPI" in notes and "kham-pha?lang=vi" in notes
        assert picture.click_action.hyperlink.address.startswith("http://papi.intranet.example.vn:8501/kham-pha")
        assert "Nguồn: PAPI" in picture._element.nvPicPr.cNvPr.get("descr")


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed (make test installs it)")
def test_libreoffice_converts_the_deck_to_one_pdf_page_per_slide(small_deck: bytes, tmp_path: Path) -> None:
    source = tmp_path / "deck.pptx"
    source.write_bytes(small_deck)
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    assert pdf_info(tmp_path / "deck.pdf")["Pages"] == "3"  # the title slide and two charts
    assert pdf_text_problems(tmp_path / "deck.pdf") == []  # the title slide's words (the charts are pictures)
    text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"], check=True, capture_output=True).stdout
    assert "Hồ sơ tỉnh" in text.decode("utf-8")


# Ho Chi Minh City's long legend entry reaches under the radar's lowest axis name (it ran into it in both languages).
@pytest.mark.parametrize(("lang", "code"), [("vi", "01"), ("vi", "79"), ("en", "79")])
def test_the_brief_reads_back_with_the_score_and_rank_the_app_shows(
    store: PapiStore, renderer: Renderer, tmp_path: Path, lang: str, code: str
) -> None:
    table = scores_table(store)
    name = store.provinces.set_index("code").at[code, f"name_{lang}"]
    link = f"http://localhost:8501/ho-so-tinh?lang={lang}&year={YEAR}&province={code}"
    facts = brief_facts(
        store,
        table,
        national(store.scores),
        group_bands(table),
        evaluate(store.targets, table, YEAR, store.provinces),
        plan_names(store),
        code=code,
        name=name,
        year=YEAR,
        lang=lang,
        frame=Frame(
            "", source=source_line(citation(store.report_partners, store.partners, YEAR, lang), lang), link=link
        ),
        made=dt.date(2026, 11, 29),
    )
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(brief_pdf(facts, renderer))
    info = pdf_info(pdf)
    assert info["Pages"] == "1" and info["Page size"].endswith("(A4)")
    assert pdf_text_problems(pdf) == []
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    card = province_year(table, code, YEAR)  # what the overview's card and the map show
    assert fmt_number(card.score, lang) in text
    assert t("rank_of", lang, rank=card.rank, n=card.n) in text
    assert name in text  # "Hà Nội", "Ho Chi Minh City": diacritics intact
    assert t("group_" + str(card.group), lang) in " ".join(text.split())
    assert f"PAPI {YEAR} — CECODES, RTA & UNDP (" in text  # the 2024 report's partners, said to be assumed
    assert ("29/11/2026" if lang == "vi" else "29 November 2026") in text
