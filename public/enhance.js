// The one script on stored public pages (docs/decisions/025-static-public-pages.md):
// optional conveniences over pages that work without it. "Copy link" buttons are
// hidden until this runs (the class on <html> shows them), then copy on click.
// Listeners sit on the document, so pages that Next swaps in later work too.
(function () {
  document.documentElement.classList.add('enhanced');
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-copy-url]') : null;
    if (!button) return;
    var url = button.getAttribute('data-copy-url') || '';
    var status = button.parentElement && button.parentElement.querySelector('[data-copy-status]');
    var say = function (text) {
      if (status) status.textContent = text;
    };
    if (!navigator.clipboard) return say('Could not copy automatically. The link is ' + url);
    navigator.clipboard.writeText(url).then(
      function () { say('Link copied to the clipboard.'); },
      function () { say('Could not copy automatically. The link is ' + url); },
    );
  });
})();
