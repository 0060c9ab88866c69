// The toolbar's "copy link" button (ui/page_tools.py): copies the page's address as it stands when clicked. Where the
// browser refuses the clipboard (only a secure context has it: https or localhost), the link is shown selected, to
// copy with Ctrl+C. Served by the app itself (static/), so it runs offline and under a same-origin script policy.
(function () {
  const root = document.getElementById("papi-copy");
  const button = root.querySelector("button");
  const field = root.querySelector("input");
  const note = root.querySelector(".note");

  function address() {
    try {
      return window.parent.location.href;
    } catch (error) {
      return window.location.href;
    }
  }

  function showToCopy(link) {
    field.value = link;
    field.hidden = false;
    note.textContent = root.dataset.fallback;
    field.focus();
    field.select();
  }

  button.addEventListener("click", function () {
    const link = address();
    if (!navigator.clipboard || !window.isSecureContext) {
      showToCopy(link);
      return;
    }
    navigator.clipboard.writeText(link).then(
      function () {
        field.hidden = true;
        note.textContent = root.dataset.done;
        setTimeout(function () { note.textContent = ""; }, 4000);
      },
      function () { showToCopy(link); }
    );
  });
})();
