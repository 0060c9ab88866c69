"""Start the app server: `python serve.py [streamlit options]`, which is what `make run` does (server/app.py).

Streamlit sees the `pages/` folder and runs the first session after a start in its old folder-based navigation, which
does not know our URL paths: a link such as /ban-do then opens under a "Page not found" dialog (streamlit#9992). The
app declares its pages with st.navigation, which turns that mode off on its first run; we turn it off before the
first session instead (tests/app/test_pages.py fails if Streamlit drops the switch).

Before the server starts it removes what a killed store build left (papi_data/store/files.py) and writes the
boundary file that the browser loads by URL (geo/static_files.py).
"""

import contextlib
import sys

from streamlit.runtime.pages_manager import PagesManager

from geo import static_files
from papi_data.store.files import build_lock, clean
from papi_data.store.paths import store_dir
from server import app


def clean_store_leftovers() -> None:
    """Remove what a killed build left in the store; not while a build runs, and quietly when the store is read-only."""
    root = store_dir()
    with contextlib.suppress(OSError):
        if root.is_dir():
            with build_lock(root, wait=False) as free:
                if free:
                    clean(root)


if __name__ == "__main__":
    clean_store_leftovers()
    static_files.write()
    PagesManager.uses_pages_directory = False
    app.main(sys.argv[1:])
