"""Everything a view can be taken away as: slide images (PNG, SVG), a PowerPoint deck and a one-page province brief.

Pure functions from figures and data to bytes, and the one shared browser that renders them (renderer.py). Pages reach
them through ui/core/shell.py's buttons, which build the bytes only when clicked.
"""
