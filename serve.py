"""Start the app server: `python serve.py [streamlit options]`, which is what `make run` does.

Streamlit sees the `pages/` folder and runs the first session after a start in its old folder-based navigation, which
does not know our URL paths: a link such as /ban-do then opens under a "Page not found" dialog (streamlit#9992). The
app declares its pages with st.navigation, which turns that mode off on its first run; we turn it off before the
first session instead.

At start it also removes what a killed store build left (papi_data/store/files.py), and puts the guards of
serve_guard.py around the server (headers, hosts, long links, deep paths, a session limit, a bounded log).
It also writes the boundary file that the browser loads by URL (geo/static_files.py) before the server starts.
"""

import contextlib
import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

import serve_guard
from geo import static_files
from papi_data.store.files import build_lock, clean
from papi_data.store.paths import store_dir


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
    serve_guard.install()
    static_files.write()
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
    sys.exit(cli.main())
