// Put the session's first URL in place of the link that opened it, making no history entry (see ui/browser.py,
// replace_url). Loaded by URL, as every script of the app is: the server's Content-Security-Policy allows no inline
// script. The query comes in the element's data-search attribute.
(() => {
  const search = document.currentScript ? document.currentScript.dataset.search : null;
  if (search === null || search === undefined || window.__papiActed) return;
  history.replaceState(history.state, "", location.pathname + search);
})();
