// Tell Streamlit's frontend where the app's server is before its bundle loads (it reads window.__streamlit once, at
// start): the address this page's own "./static/…" files resolve against. Without it, on a page such as /ban-do the
// frontend first tries /ban-do as the base address (/ban-do/_stcore/health and /host-config: two 404s in the console)
// before /. Loaded from the page's HTML by server/page_html.py.
window.__streamlit = { BACKEND_BASE_URL: new URL(".", document.baseURI).href };
