// Run in the app's page (a script element by URL, see ui/browser.py: the server's Content-Security-Policy allows no
// inline script). Four small adjustments to Streamlit's frontend that its Python API does not offer. The app's
// locale comes in the element's data-locale attribute.
(() => {
  const locale = document.currentScript ? document.currentScript.dataset.locale : null;
  if (locale) document.documentElement.dataset.papiLocale = locale;
  // 1. Number formats in the app's language. Streamlit's "localized" number columns format with the browser's
  //    languages (navigator.languages); the reader chose the app's language, so that is what they should follow.
  //    And a true minus sign (U+2212), as everywhere else in the app: Intl writes a hyphen for both languages.
  if (locale) Object.defineProperty(navigator, "languages", { value: [locale], configurable: true });
  if (!window.__papiMinus) {
    window.__papiMinus = true;
    const format = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, "format");
    Object.defineProperty(Intl.NumberFormat.prototype, "format", {
      configurable: true,
      get() {
        const bound = format.get.call(this);
        return (value) => bound(value).replace(/^-/, "\u2212");
      },
    });
  }

  // 2. Every chart has an accessible name: plotly draws an SVG that a screen reader cannot name, so each chart's
  //    element becomes a "figure" named by its title and subtitle (the figure's layout.meta.accessible_name, set by
  //    ui/charts/frame.accessible_name), checked again whenever the page changes.
  if (!window.__papiCharts) {
    window.__papiCharts = true;
    let queued = false;
    const name = () => {
      queued = false;
      for (const gd of document.querySelectorAll(".js-plotly-plot")) {
        const meta = gd.layout && gd.layout.meta;
        const title = gd.querySelector(".gtitle");
        const label = (meta && meta.accessible_name) || (title && title.textContent) || "";
        if (label && gd.getAttribute("aria-label") !== label) {
          gd.setAttribute("role", "figure");
          gd.setAttribute("aria-label", label);
        }
      }
    };
    new MutationObserver(() => {
      if (!queued) { queued = true; requestAnimationFrame(name); }
    }).observe(document.body, { childList: true, subtree: true });
    name();
  }

  // 3. Enter in the sidebar's province search opens its first hit. Streamlit's text input commits on Enter but tells
  //    Python nothing of the key, so the hit is clicked here, once the block of hits is the one for what is in the
  //    box (its key names the query in hex: ui/core/shell.search_hits_key), not a list left from fewer letters.
  if (!window.__papiSearchEnter) {
    window.__papiSearchEnter = true;
    const hex = (text) => Array.from(new TextEncoder().encode(text.trim()), (b) => b.toString(16).padStart(2, "0"));
    let wanted = null;
    let giveUp = 0;
    const pick = () => {
      const hit = wanted && document.querySelector(`.st-key-search_hits_${wanted} :is(button, a)`);
      if (!hit) return;
      wanted = null;
      watch.disconnect();
      hit.click();
    };
    const watch = new MutationObserver(pick);
    document.addEventListener("keydown", (event) => {
      const box = event.target instanceof Element && event.target.closest(".st-key-province_search input");
      if (event.key !== "Enter" || event.isComposing || !box || !box.value.trim()) return;
      wanted = hex(box.value).join("");
      watch.observe(document.body, { childList: true, subtree: true });
      pick();
      clearTimeout(giveUp);
      giveUp = setTimeout(() => { wanted = null; watch.disconnect(); }, 10000); // no hits: stop waiting
    }, true);
  }

  // 4. One history entry per user action. Streamlit's frontend pushes an entry for every query change written from
  //    Python and another for every page change, so a page change made two entries (the new page with the old
  //    page's query, then its own) and each step of the map's play-through one each. Here a push makes an entry only
  //    when the reader has clicked or pressed a key since the last one; otherwise it replaces the current entry.
  //    Back/Forward are Streamlit's own (it replaces, never pushes, while it follows them). The first run of a
  //    session writes its URL through ui/browser.replace_url instead, as this file is not loaded yet then.
  if (window.__papiHistory) return;
  window.__papiHistory = true;
  document.documentElement.dataset.papiHistory = "1"; // for the browser tests, which read it without evaluating code
  window.__papiActed = false; // the reader has clicked or pressed a key since the last entry was made
  for (const type of ["pointerdown", "keydown"]) {
    window.addEventListener(type, () => { window.__papiActed = true; }, true);
  }
  const push = history.pushState.bind(history);
  const replace = history.replaceState.bind(history);
  history.pushState = (state, title, url) => {
    if (!window.__papiActed) return replace(state, title, url);
    window.__papiActed = false;
    return push(state, title, url);
  };
})();
