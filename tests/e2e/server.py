"""Kept for the tests that import it: the server and browser helpers live in harness/server.py (shared with bench/)."""

from harness.server import CHROMIUM, CHROMIUM_FLAGS, ROOT, free_port, running_app

__all__ = ["CHROMIUM", "CHROMIUM_FLAGS", "ROOT", "free_port", "running_app"]
