"""Every colour the charts use, in one place. Colour is never the only signal: groups, statuses and directions also
carry a word or a symbol on the chart or in its legend.

The schemes are colour-blind safe (ColorBrewer and Okabe–Ito); grey means "no data" and nothing else.
"""

from __future__ import annotations

from papi_data.store.schema import GROUPS

# Text and structure
INK = "#222222"  # chart text
MUTED = "#555555"  # subtitles
FAINT = "#666666"  # source line, small notes
GRID = "#eeeeee"
WHITE = "#ffffff"
CLEAR = "rgba(0,0,0,0)"
HOVER_BACKGROUND = WHITE
LEGEND_BACKGROUND = "rgba(255,255,255,0.85)"

# PAPI's four groups, best to poor: a blue–orange scheme that stays distinct for the common colour-vision deficiencies.
GROUP_COLOURS = dict(zip(GROUPS, ["#08519c", "#6baed6", "#fdae6b", "#d94801"], strict=True))
NO_DATA = "#d4d4d4"
HIGHLIGHT = "#111111"  # the outline of a selected or marked province
# Continuous scores: ColorBrewer YlGnBu from light (low) to dark (high), so darker is better as the legend reads.
# Written out rather than named: plotly's named sequential scales run dark to light.
CONTINUOUS_SCALE = [
    [0.0, "#ffffd9"],
    [0.125, "#edf8b1"],
    [0.25, "#c7e9b4"],
    [0.375, "#7fcdbb"],
    [0.5, "#41b6c4"],
    [0.625, "#1d91c0"],
    [0.75, "#225ea8"],
    [0.875, "#253494"],
    [1.0, "#081d58"],
]

# A province and what it is compared with
PROVINCE = "#c2185b"
PROVINCE_FILL = "rgba(194,24,91,0.12)"
COMPARE = ["#1b9e77", "#7570b3", "#e6ab02", "#66a61e"]  # up to four other provinces (Dark2)
NATIONAL = "#444444"  # the national mean
FRONTIER = "#08519c"  # the best province on each dimension
BAND = "rgba(120,120,120,0.18)"  # the 25th–75th percentile band
ERA_BREAK = "#888888"  # the 2018 change of scale
OUTLINES_2025 = PROVINCE  # the borders of the 34 provinces since July 2025

# Regions (Okabe–Ito), in the regions' order; yellow left out (too pale on white).
REGION_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7"]
# Change between two years: the group scale's two ends, and grey for no change.
UP, DOWN, SAME = "#08519c", "#d94801", "#969696"

# Plans: a target's status (the label beside each mark also carries the icon and the word).
STATUS_COLOURS = {"achieved": "#1b7837", "missed": "#b2182b", "no_data": NO_DATA, "pending": "#b8860b"}
STATUS_BACKGROUNDS = {"achieved": "#d9f0d3", "missed": "#fddbc7", "no_data": "#eeeeee", "pending": "#fff2cc"}
RESULT_LINE = INK
MEAN_LINE = "#888888"
TARGET = "#1b7837"


def rgba(hex_colour: str, alpha: float) -> str:
    """ "#08519c" at `alpha` opacity: "rgba(8,81,156,0.2)"."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
