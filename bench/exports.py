"""Exports on a warm server, as a presenter clicks them (median of 5, after one warm-up): a slide PNG, the profile's
deck (title + its twelve charts), the one-page brief; the first export's cold start of the shared browser; and the
memory each adds to the server and its browser (PSS).  python -m bench.exports [--first: only the first export after a
start, the page opened as soon as the server is ready]"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from bench.common import report
from harness.server import CHROMIUM, CHROMIUM_FLAGS, running_app

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
REPEAT = 5


def tree_pss_mib(root: int) -> float:
    """Proportional set size (MiB) of a process and all its descendants (the export browser runs in its own session):
    shared pages are split between the processes that share them, so Chromium's processes are not counted N times."""
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(proc.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rollup = (Path("/proc") / str(pid) / "smaps_rollup").read_text()
            total += int(next(ln for ln in rollup.splitlines() if ln.startswith("Pss:")).split()[1])
        except (OSError, StopIteration):
            continue
    return total / 1024


CHARTS = 12  # on the profile page of a 2024 province


def click_download(page: Page, button) -> float:
    """Milliseconds from the click to the file saved by the browser."""
    start = time.perf_counter()
    with page.expect_download(timeout=180_000) as download:
        button.click()
    download.value.path()
    elapsed = (time.perf_counter() - start) * 1000
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    return elapsed


def main() -> None:
    with running_app("bench-exports") as (url, group), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{url}/ho-so-tinh?province=01&year=2024")
        expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
        # the radar, eight dimensions' and two totals' trends, the rank history: a 13-slide deck
        # ... and "what moved" (not a slide)
        expect(page.get_by_test_id("stPlotlyChart")).to_have_count(CHARTS + 1, timeout=60_000)
        server = next(p for p in map(int, _group_pids(group)) if b"serve.py" in _cmdline(p))
        base = tree_pss_mib(server)
        print(f"{'server + browser PSS before any export':<52} {base:8.1f} MiB", flush=True)
        png = page.locator(".st-key-exports_radar").get_by_role("button", name="Ảnh PNG")
        cold = click_download(page, png)
        print(f"{'first export (starts the shared browser), PNG':<52} {cold:8.1f} ms", flush=True)
        after_start = tree_pss_mib(server)
        print(f"{'PSS after the browser started':<52} {after_start:8.1f} MiB  (+{after_start - base:.1f})", flush=True)
        if "--first" in sys.argv:
            return
        rows = [
            ("slide PNG 1920×1080 (radar), warm", png, 2000),
            # the target is 6 s for five slides; scaled to this deck's slides
            (
                f"deck, {CHARTS + 1} slides (title + {CHARTS} charts), warm",
                page.get_by_role("button", name="PowerPoint"),
                6000 * (CHARTS + 1) // 5,
            ),
            ("one-page brief (A4 PDF), warm", page.get_by_role("button", name="Hồ sơ 1 trang (PDF, A4)"), 3000),
        ]
        for name, button, target in rows:
            before = tree_pss_mib(server)
            click_download(page, button)  # warm-up of this kind of export
            times = [click_download(page, button) for _ in range(REPEAT)]
            report(name, times, target)
            after = tree_pss_mib(server)
            print(f"{'  PSS after it':<52} {after:8.1f} MiB  ({after - before:+.1f})", flush=True)
        browser.close()


def _group_pids(group: int) -> list[str]:
    out = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2]) == group:
                    out.append(proc.name)
            except (OSError, IndexError, ValueError):
                continue
    return out


def _cmdline(pid: int) -> bytes:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return b""


if __name__ == "__main__":
    main()
