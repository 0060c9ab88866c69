"""Start the app server: `python serve.py [streamlit options]`, which is what `make run` does.

Streamlit sees the `pages/` folder and runs the first session after a start in its old folder-based navigation, which
does not know our URL paths: a link such as /ban-do then opens under a "Page not found" dialog (streamlit#9992). The
app declares its pages with st.navigation, which turns that mode off on its first run; we turn it off before the
first session instead.

It also writes the boundary file that the browser loads by URL (geo/static_files.py) before the server starts.
"""

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from geo import static_files

if __name__ == "__main__":
    static_files.write()
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
    sys.exit(cli.main())
