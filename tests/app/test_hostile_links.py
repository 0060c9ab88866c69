"""A sample of the hostile-link list (harness/hostile_links.py) on the real pages in AppTest: no exception (Streamlit's
or the app's own "something went wrong"), and no markup from the link echoed where it would be interpreted. The whole
list runs against the real server in bench/hostile.py; unknown addresses are covered in tests/e2e/test_hardening.py."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from harness.apptest import open_app
from harness.hostile_links import PAGES, Link, hostile_links, sample
from ui.core.i18n import t

FILES = {"": None, "ban-do": "pages/map.py", "ho-so-tinh": "pages/profile.py", "ke-hoach": "pages/plans.py"}
FILES |= {"kham-pha": "pages/explorer.py", "gioi-thieu": "pages/about.py"}
assert FILES.keys() == PAGES.keys()
CASES = [link for link in sample(hostile_links(), 83) if link.page in PAGES and link.param in PAGES[link.page]]
PARSER = pytest.mark.xfail(strict=True, reason="parser limits: lead's URL-state rework")


def shown_texts(at: AppTest) -> list[str]:
    """What the page shows through Markdown (titles, text, captions, notices)."""
    kinds = [at.title, at.header, at.subheader, at.markdown, at.caption, at.warning, at.error, at.info, at.success]
    return [str(element.value) for kind in kinds for element in kind]


@pytest.mark.parametrize(
    "link", [pytest.param(link, marks=PARSER) if link.known_failure else link for link in CASES], ids=str
)
def test_hostile_link(link: Link) -> None:
    at = open_app(FILES[link.page], **{link.param: link.value})
    texts = shown_texts(at)
    assert not at.exception, at.exception
    assert not any(text in (t("app_error", "vi"), t("app_error", "en")) for text in texts), "the page crashed"
    if link.markup:
        assert not any(link.markup in text for text in texts), "markup from the link echoed"
