"""The frame every chart carries: title and subtitle at the top, source and link at the bottom, placed in pixels; and
every colour from the palette."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import plotly.graph_objects as go

from ui.charts.frame import (
    FOOTER_PX,
    GAP,
    LINE,
    PAD,
    PRESENT,
    SCREEN,
    Frame,
    base_layout,
    footer_height,
    header_height,
    page_frame,
    source_line,
)

CHARTS = Path(__file__).resolve().parents[2] / "ui" / "charts"


def footer(layout: dict) -> list[dict]:
    return [a for a in layout["annotations"] if a.get("name") == "frame"]


def test_title_is_anchored_to_the_top_of_the_figure() -> None:
    layout = base_layout(Frame("Tiêu đề", "Phụ đề"), "vi", height=500)
    title = layout["title"]
    assert (title["yref"], title["y"], title["yanchor"], title["pad"]["t"]) == ("container", 1, "top", PAD)
    assert (title["xref"], title["x"], title["xanchor"], title["pad"]["l"]) == ("container", 0, "left", PAD)
    assert title["text"] == "<b>Tiêu đề</b>" and title["subtitle"]["text"] == "Phụ đề"
    assert layout["margin"]["t"] == header_height(Frame("Tiêu đề", "Phụ đề"))


def test_margins_grow_with_the_lines_the_frame_holds() -> None:
    one = Frame("T", "S", source_line("PAPI", "vi"))
    two = Frame("T", "S<br>second line", source_line("PAPI", "vi", with_map=True), link="http://x/ban-do?year=2024")
    assert header_height(two) > header_height(one)
    assert footer_height(two) - footer_height(one) == round(2 * FOOTER_PX * LINE)  # a credit line and a link line


def test_footer_sits_the_same_pixels_below_the_plot_whatever_the_height() -> None:
    frame = Frame(
        "T",
        source=source_line("PAPI 2024 — CECODES, RTA & UNDP, papi.org.vn", "en", with_map=True),
        link="http://x/?a=1",
    )
    for height in (400, 1080):
        layout = base_layout(frame, "en", height=height, left=70, below=40)
        source, link = footer(layout)
        assert (source["y"], source["yanchor"], source["yshift"]) == (0, "top", -(40 + GAP))
        assert source["xshift"] == PAD - 70  # from the figure's left edge, not the plot's
        assert link["yshift"] == source["yshift"] - round(2 * FOOTER_PX * LINE)
        assert layout["margin"]["b"] == 40 + footer_height(frame)
        assert source["text"] == "Source: PAPI 2024 — CECODES, RTA & UNDP, papi.org.vn<br>" + (
            "Province boundaries: Open Development Mekong (CC BY-SA 4.0)"
        )


def test_a_long_link_wraps_at_ampersands_and_is_escaped() -> None:
    link = "http://intranet/papi/kham-pha?" + "&".join(f"param{i}=value{i}" for i in range(20))
    text = footer(base_layout(Frame("T", link=link), "vi", height=500))[-1]["text"]
    lines = text.split("<br>")
    assert len(lines) > 1 and all(len(line) <= 130 for line in lines)
    assert "&amp;" in text and html_unescaped(text).replace("<br>", "") == link


def html_unescaped(text: str) -> str:
    import html

    return html.unescape(text)


def test_present_scale_enlarges_every_text() -> None:
    small = base_layout(Frame("T", "S", "src"), "vi", height=500)
    large = base_layout(Frame("T", "S", "src", scale=1.5), "vi", height=500)
    assert large["font"]["size"] == round(small["font"]["size"] * 1.5)
    assert large["title"]["font"]["size"] > small["title"]["font"]["size"]
    assert footer(large)[0]["font"]["size"] > footer(small)[0]["font"]["size"]
    assert large["margin"]["t"] > small["margin"]["t"]


def test_legends_are_placed_in_pixels_too() -> None:
    frame = Frame("T", "S", "src")
    below = base_layout(frame, "vi", height=600, legend="below")
    assert below["legend"]["yref"] == "container" and below["showlegend"]
    assert below["margin"]["b"] > base_layout(frame, "vi", height=600)["margin"]["b"]
    assert not base_layout(frame, "vi", height=600)["showlegend"]
    go.Figure({"data": [], "layout": below})  # a valid layout


def test_no_chart_writes_its_own_colours() -> None:
    """Every colour comes from ui/charts/palette.py (57 literals were spread over seven files once)."""
    literal = re.compile(r"""["'](#[0-9a-fA-F]{3,8}|rgba?\()""")
    offenders = [
        f"{path.name}:{n}"
        for path in CHARTS.glob("*.py")
        if path.name != "palette.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line)
    ]
    assert offenders == []


def test_a_narrow_chart_keeps_its_footer_lines_short() -> None:
    """The ranking beside the map or a small multiple: the citation breaks after its dash and the link at "?" and
    "&", so no footer line runs off the chart."""
    link = "http://intranet/papi/ho-so-tinh?lang=vi&year=2024&province=27&mean=1&best=1"
    source = source_line("PAPI 2011–2024 — CECODES, VFF-CRT, RTA & UNDP, papi.org.vn", "vi")
    narrow = Frame("T", source=source, link=link, line_chars=45)
    texts = [a["text"] for a in footer(base_layout(narrow, "vi", height=300))]
    lines = [html_unescaped(line) for text in texts for line in text.split("<br>")]
    assert all(len(line) <= 45 for line in lines), lines
    assert html_unescaped("".join(texts[1].split("<br>"))) == link
    wide = Frame("T", source=source, link=link)
    assert footer_height(narrow) > footer_height(wide)


def test_a_charts_accessible_name_is_its_title_and_subtitle_in_plain_text():
    from ui.charts.frame import Frame, accessible_name, base_layout

    frame = Frame(title="Bản đồ PAPI 2024", subtitle="Điểm tổng hợp (thang 8–80)<br>61/63 tỉnh có dữ liệu")
    name = "Bản đồ PAPI 2024. Điểm tổng hợp (thang 8–80) 61/63 tỉnh có dữ liệu"
    assert accessible_name(frame) == name
    assert base_layout(frame, "vi", height=400)["meta"]["accessible_name"] == name
    assert accessible_name(frame, "Hà Nội cao nhất.") == f"{name}. Hà Nội cao nhất."


# --- A chart as wide as its page's column: the page draws its frame in HTML around the canvas -------------------------


def test_a_frame_on_the_page_leaves_the_canvas_to_the_picture() -> None:
    frame = Frame("Tiêu đề", "Phụ đề", source_line("PAPI", "vi"), link="http://x/?a=1")
    on_page = replace(SCREEN, on_page=True).frame(frame)
    layout = base_layout(on_page, "vi", height=500, below=40, legend="below", legend_rows=2)
    assert "title" not in layout and not footer(layout)
    assert layout["meta"]["accessible_name"] == "Tiêu đề. Phụ đề"  # a screen reader still hears what it shows
    assert (layout["margin"]["t"], layout["margin"]["b"]) == (PAD, 40 + PAD)
    # legend rows on the plot's top edge, in paper coordinates: autoexpand makes room for every row they wrap to
    assert {k: layout["legend"][k] for k in ("y", "yref", "yanchor")} == {"y": 1, "yref": "paper", "yanchor": "bottom"}
    go.Figure({"data": [], "layout": layout})


def test_the_page_s_frame_is_escaped_html_at_the_canvas_s_sizes() -> None:
    frame = Frame(
        "Hà Nội <script>x</script> & Huế",
        "dòng một<br>dòng <b>hai</b>",
        source_line("PAPI 2024 — CECODES, RTA & UNDP", "vi"),
        link="http://x/ho-so-tinh?lang=vi&province=01",
    )
    head, foot = page_frame(replace(SCREEN, on_page=True).frame(frame))
    assert "<script>" not in head and "Hà Nội x &amp; Huế" in head and "font-weight:700" in head
    assert "dòng một<br>dòng hai" in head  # the frame's own line breaks kept, its tags dropped
    assert "CECODES, RTA &amp; UNDP" in foot
    assert '<a href="http://x/ho-so-tinh?lang=vi&amp;province=01"' in foot
    sizes = [int(px) for px in re.findall(r"font-size:(\d+)px", "".join(page_frame(PRESENT.frame(frame))))]
    assert min(sizes) >= 18  # present mode's smallest text
