"""What moved a score, as a horizontal waterfall: one bar per part (a dimension or a sub-dimension) from where the
previous parts left off, rises in blue and falls in orange with their figures, and the whole's change as the last bar,
which ends exactly where the parts do (the whole is their sum)."""

from __future__ import annotations

from papi_data.decompose import Change
from ui.charts.frame import LINE, PAD, TEXT_PX, Frame, base_layout, wrapped
from ui.charts.palette import DOWN, GRID, INK, UP
from ui.charts.sentences import Label
from ui.core.i18n import t
from ui.core.numbers import fmt_change

ROW_PX = 34  # pixels per bar at the screen's text size
NAME_CHARS = 18  # a name's line on the page, where the names take what they need and the bars keep the rest
LABEL_ROOM = 0.3  # the share of the plot's width on each side of the bars kept for their figures


def waterfall_figure(
    change: Change, label: Label, whole: str, *, lang: str, frame: Frame, height: int | None = None
) -> dict:
    """`change`'s parts in their order, then the whole (`whole`: its name, "Điểm tổng hợp"); every bar labelled with
    its signed change at the shown precision."""
    names = [label(p.metric) for p in change.parts] + [whole]
    values = [round(p.change, 4) for p in change.parts] + [round(change.change or 0.0, 4)]
    texts = [fmt_change(v, lang) for v in values]
    row_px = frame.px(ROW_PX)
    if frame.on_page:  # the names in lines of a phone's width, their margin as wide as they need (no footer to keep)
        names = [wrapped(name, NAME_CHARS) for name in names]
        lines = max(name.count("<br>") + 1 for name in names)
        row_px = max(row_px, round(lines * frame.px(TEXT_PX) * LINE) + PAD)
        layout = base_layout(frame, lang, height=height or 0, left=PAD, right=PAD, below=frame.px(40))
    else:
        layout = base_layout(
            frame, lang, height=height or 0, left=frame.px(260), right=frame.px(70), below=frame.px(40)
        )
    names[-1] = "<br>".join(f"<b>{line}</b>" for line in names[-1].split("<br>"))
    layout["height"] = height or layout["margin"]["t"] + layout["margin"]["b"] + row_px * len(names)
    layout["yaxis"] = {"autorange": "reversed", "type": "category", "automargin": frame.on_page}
    layout["xaxis"] = {
        "range": _with_room(values),
        "zeroline": True,
        "zerolinecolor": INK,
        "gridcolor": GRID,
        "title": {"text": t("moved_axis", lang)},
        "separatethousands": False,
    }
    return {
        "data": [
            {
                "type": "waterfall",
                "orientation": "h",
                "y": names,
                "x": values,
                "measure": ["relative"] * len(change.parts) + ["total"],
                "text": texts,
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{text}<extra></extra>",
                "increasing": {"marker": {"color": UP}},
                "decreasing": {"marker": {"color": DOWN}},
                "totals": {"marker": {"color": UP if values[-1] >= 0 else DOWN}},
                "connector": {"line": {"color": GRID}},
            }
        ],
        "layout": layout,
    }


def _with_room(values: list[float]) -> list[float]:
    """The change axis's range: where the bars run (from 0 through each part's running sum; the whole from 0) and
    LABEL_ROOM of the plot's width on each side, so that a figure outside its bar stays inside the plot, clear of the
    names (a fall's figure is drawn left of its bar)."""
    ends, run = [0.0], 0.0
    for value in values[:-1]:
        run += value
        ends.append(run)
    ends.append(values[-1])
    low, high = min(ends), max(ends)
    room = (high - low) * LABEL_ROOM / (1 - 2 * LABEL_ROOM) or 0.1
    return [round(low - room, 4), round(high + room, 4)]
