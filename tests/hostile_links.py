"""Kept for the tests that import it: the hostile links live in harness/hostile_links.py (shared with bench/)."""

from harness.hostile_links import PAGES, Link, hostile_links, sample

__all__ = ["PAGES", "Link", "hostile_links", "sample"]
