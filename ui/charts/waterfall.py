"""What moved a score, as a horizontal waterfall: one bar per part (a dimension or a sub-dimension) from where the
previous parts left off, rises in blue and falls in orange with their figures, and the whole's change as the last bar,
which ends exactly where the parts do (the whole is their sum)."""

from __future__ import annotations

from papi_data.decompose import Change
from ui.charts.frame import Frame, base_layout
from ui.charts.palette import DOWN, GRID, INK, UP
from ui.charts.sentences import Label
from ui.core.i18n import t
from ui.core.numbers import fmt_change

ROW_PX = 34  # pixels per bar at the screen's text size


def waterfall_figure(
    change: Change, label: Label, whole: str, *, lang: str, frame: Frame, height: int | None = None
) -> dict:
    """`change`'s parts in their order, then the whole (`whole`: its name, "Điểm tổng hợp"); every bar labelled with
    its signed change at the shown precision."""
    names = [label(p.metric) for p in change.parts] + [f"<b>{whole}</b>"]
    values = [round(p.change, 4) for p in change.parts] + [round(change.change or 0.0, 4)]
    texts = [fmt_change(v, lang) for v in values]
    layout = base_layout(frame, lang, height=height or 0, left=frame.px(260), right=frame.px(70), below=frame.px(40))
    layout["height"] = height or layout["margin"]["t"] + layout["margin"]["b"] + frame.px(ROW_PX) * len(names)
    layout["yaxis"] = {"autorange": "reversed", "type": "category", "automargin": False}
    layout["xaxis"] = {
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
